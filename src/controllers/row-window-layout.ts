/**
 * Returns the ancestors of `element` across shadow roots and slots that clip it or scroll it,
 * from the nearest out. The root element and the body are left out, because the viewport
 * clips them already.
 */
export function findClippingAncestors(element: Element): Element[] {
  const found: Element[] = [];
  let node: Node | null = element.assignedSlot ?? element.parentNode;
  while (node !== null) {
    if (node instanceof ShadowRoot) {
      node = node.host;
      continue;
    }
    if (!(node instanceof Element)) break;
    if (node !== document.documentElement && node !== document.body) {
      if (getComputedStyle(node).overflowY !== 'visible') found.push(node);
    }
    node = node.assignedSlot ?? node.parentNode;
  }
  return found;
}

/** Returns the part of the viewport that `ancestors` leave visible, in viewport coordinates. */
export function viewportClip(ancestors: readonly Element[]): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (const ancestor of ancestors) {
    const box = ancestor.getBoundingClientRect();
    top = Math.max(top, box.top);
    bottom = Math.min(bottom, box.bottom);
  }
  return { top, bottom };
}
