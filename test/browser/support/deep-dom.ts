/** Returns every element under `root`, including those inside open shadow roots. */
export function elementsDeep(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot !== null) found.push(...elementsDeep(element.shadowRoot));
  }
  return found;
}
