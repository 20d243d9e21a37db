import type { RowHeights } from './row-heights.js';
import type { IndexRange } from './row-window-range.js';

/** The class of the spacer rows, which `rowWindowStyles` styles. */
export const SPACER_CLASS = 'row-window-spacer';

/** The top of a rendered item or spacer in viewport coordinates, with its index or its run. */
export type RowMark = { top: number; index: number } | { top: number; gap: IndexRange };

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

/**
 * Returns the key of the item whose rows contain the focused element of `host`'s shadow root,
 * or `null`. The first row of an item carries its key in `keyAttribute`, and the rows after it
 * up to the next keyed row or spacer belong to the same item.
 */
export function focusedRowKey(
  host: Element,
  body: HTMLTableSectionElement,
  keyAttribute: string,
): string | null {
  const active = host.shadowRoot?.activeElement ?? null;
  let row = active?.closest('tr') ?? null;
  if (row?.parentElement !== body) return null;
  while (row !== null && !row.hasAttribute(keyAttribute)) {
    if (row.classList.contains(SPACER_CLASS)) return null;
    row = row.previousElementSibling as HTMLTableRowElement | null;
  }
  return row?.getAttribute(keyAttribute) ?? null;
}

/** Sets the spacers' heights in CSS pixels, from top to bottom, where they differ by 1px or more. */
export function sizeSpacers(body: HTMLTableSectionElement, heights: readonly number[]): void {
  let index = 0;
  for (const row of body.rows) {
    if (!row.classList.contains(SPACER_CLASS)) continue;
    const height = heights[index++] ?? 0;
    const current = Number.parseFloat(row.style.height);
    if (Number.isNaN(current) || Math.abs(current - height) >= 1) {
      row.style.height = `${height}px`;
    }
  }
}

/**
 * Records the height of every rendered item: the distance from its first row to the next
 * item's first row or spacer, which includes its detail rows and collapsed borders. Returns
 * false when the table is not laid out, as in a hidden container.
 */
export function measureRowHeights(
  body: HTMLTableSectionElement,
  keyAttribute: string,
  heights: RowHeights,
): boolean {
  if (body.getClientRects().length === 0) return false;

  let key: string | null = null;
  let top = 0;
  for (const row of body.rows) {
    const isItem = row.hasAttribute(keyAttribute);
    if (!isItem && !row.classList.contains(SPACER_CLASS)) continue;

    const rowTop = row.getBoundingClientRect().top;
    if (key !== null && rowTop > top) heights.set(key, rowTop - top);
    key = isItem ? row.getAttribute(keyAttribute) : null;
    top = rowTop;
  }
  const bottom = body.getBoundingClientRect().bottom;
  if (key !== null && bottom > top) heights.set(key, bottom - top);
  return true;
}

/**
 * Returns the top, in viewport coordinates, of each rendered item and spacer in DOM order,
 * with the item's index or the run of items that the spacer replaces, from `gaps` in order.
 */
export function readRowMarks(
  body: HTMLTableSectionElement,
  keyAttribute: string,
  gaps: readonly IndexRange[],
  indexOf: (key: string) => number,
): RowMark[] {
  const marks: RowMark[] = [];
  let spacers = 0;
  for (const row of body.rows) {
    const key = row.getAttribute(keyAttribute);
    if (key !== null) {
      marks.push({ top: row.getBoundingClientRect().top, index: indexOf(key) });
    } else if (row.classList.contains(SPACER_CLASS)) {
      const gap = gaps[spacers++];
      if (gap !== undefined) marks.push({ top: row.getBoundingClientRect().top, gap });
    }
  }
  return marks;
}

/**
 * Returns the index of the item at `y` in viewport coordinates: the rendered item there, or
 * inside a spacer the item that the measured and estimated heights place there. The rendered
 * layout decides rather than the heights alone, because after a measurement the spacers on
 * screen still have the heights of the last render.
 */
export function indexAtY(marks: readonly RowMark[], y: number, heights: RowHeights): number {
  let mark = marks[0];
  for (const candidate of marks) {
    if (candidate.top > y) break;
    mark = candidate;
  }
  if (mark === undefined) return 0;
  if ('index' in mark) return Math.max(0, mark.index);

  const { start, end } = mark.gap;
  const offset = heights.offset(start) + Math.max(0, y - mark.top);
  return Math.min(Math.max(heights.indexAt(offset), start), end - 1);
}

/** A rendered item whose rows are in the viewport, with the top of its first row. */
export interface ScrollAnchor {
  key: string;
  /** The top of the item's first row in viewport coordinates, in CSS pixels. */
  top: number;
}

/**
 * Returns the first rendered item that shows between `top` and `bottom` in viewport
 * coordinates, or `null` when only spacers show there.
 */
export function findScrollAnchor(
  body: HTMLTableSectionElement,
  keyAttribute: string,
  top: number,
  bottom: number,
): ScrollAnchor | null {
  if (body.getClientRects().length === 0) return null;

  let candidate: ScrollAnchor | null = null;
  for (const row of body.rows) {
    const key = row.getAttribute(keyAttribute);
    const isSpacer = row.classList.contains(SPACER_CLASS);
    if (key === null && !isSpacer) continue;

    const rowTop = row.getBoundingClientRect().top;
    // The item before this row ends where this row starts, so it shows if that is below `top`.
    if (candidate !== null && rowTop > top) return candidate.top < bottom ? candidate : null;
    if (rowTop >= bottom) return null;
    candidate = key === null ? null : { key, top: rowTop };
  }
  if (candidate === null || candidate.top >= bottom) return null;
  return body.getBoundingClientRect().bottom > top ? candidate : null;
}

/** Returns the top of the rendered item with `key` in viewport coordinates, or `null`. */
export function itemTop(
  body: HTMLTableSectionElement,
  keyAttribute: string,
  key: string,
): number | null {
  for (const row of body.rows) {
    if (row.getAttribute(keyAttribute) === key) return row.getBoundingClientRect().top;
  }
  return null;
}

/**
 * Scrolls the nearest of `ancestors` that scrolls, or the page when none does, by `dy` CSS
 * pixels, so that content moved down by `dy` shows where it was.
 */
export function scrollViewportBy(ancestors: readonly Element[], dy: number): void {
  const scroller = ancestors.find((ancestor) => {
    const { overflowY } = getComputedStyle(ancestor);
    const scrolls = overflowY === 'auto' || overflowY === 'scroll';
    return scrolls && ancestor.scrollHeight > ancestor.clientHeight;
  });
  if (scroller === undefined) window.scrollBy(0, dy);
  else scroller.scrollTop += dy;
}

/**
 * Returns the top of item `index` in viewport coordinates: its rendered top, or inside a
 * spacer the top that the measured and estimated heights place it at. Returns `null` when
 * `marks` neither contain it nor a spacer that replaces it.
 */
export function itemTopInMarks(
  marks: readonly RowMark[],
  index: number,
  heights: RowHeights,
): number | null {
  for (const mark of marks) {
    if ('index' in mark) {
      if (mark.index === index) return mark.top;
    } else if (index >= mark.gap.start && index < mark.gap.end) {
      return mark.top + heights.offset(index) - heights.offset(mark.gap.start);
    }
  }
  return null;
}
