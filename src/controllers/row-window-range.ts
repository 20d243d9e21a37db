/** A run of item indices: from `start` up to but not including `end`. */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The minimum number of items rendered beyond each edge of the viewport, so that Tab, the
 * arrow keys and a quick scroll of a few rows find the next row in the DOM.
 */
export const MIN_OVERSCAN_ROWS = 8;

/**
 * Chooses the items to render so that the visible ones and some beyond each edge are in the
 * DOM, with at most `maxRows` items in all. Returns `current` itself while it still covers the
 * visible items with a margin, so that scrolling re-renders only every few rows.
 *
 * Beyond each edge it renders as many items as are visible, and at least `MIN_OVERSCAN_ROWS`.
 * It moves the window once fewer than half of those are left on the side being scrolled to.
 */
export function chooseWindow(
  current: IndexRange,
  visible: IndexRange,
  count: number,
  maxRows: number,
): IndexRange {
  if (count <= maxRows) {
    return current.start === 0 && current.end === count ? current : { start: 0, end: count };
  }

  const first = clamp(visible.start, 0, count - 1);
  const last = clamp(visible.end - 1, first, count - 1);
  const visibleCount = last - first + 1;
  const overscan = Math.max(MIN_OVERSCAN_ROWS, visibleCount);
  const margin = Math.ceil(overscan / 2);

  const covers =
    current.start <= Math.max(0, first - margin) &&
    current.end >= Math.min(count, last + 1 + margin);
  if (covers && current.end <= count && current.end - current.start <= maxRows) return current;

  // NOTE: a viewport taller than `maxRows` rows shows blank space below the last rendered row.
  if (visibleCount >= maxRows) return { start: first, end: first + maxRows };

  const beyond = Math.min(overscan, Math.floor((maxRows - visibleCount) / 2));
  let start = first - beyond;
  let end = last + 1 + beyond;
  // Near either end of the list the window keeps its size and extends to the other side.
  if (start < 0) {
    end = Math.min(count, end - start);
    start = 0;
  }
  if (end > count) {
    start = Math.max(0, start - (end - count));
    end = count;
  }
  return { start, end };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Returns the items to render now: the rendered items that stay in `target`, together with the
 * visible items in `target`, so that the viewport never shows a spacer where an item belongs.
 * When the two do not touch, the viewport jumped, and only its items are rendered.
 */
export function rangeToRender(
  rendered: IndexRange,
  target: IndexRange,
  visible: IndexRange,
): IndexRange {
  const stillInWindow = intersect(rendered, target);
  const visibleInWindow = intersect(visible, target);
  let next: IndexRange;
  if (isEmpty(visibleInWindow)) {
    next = isEmpty(stillInWindow) ? { start: target.start, end: target.start } : stillInWindow;
  } else if (
    isEmpty(stillInWindow) ||
    stillInWindow.end < visibleInWindow.start ||
    visibleInWindow.end < stillInWindow.start
  ) {
    next = visibleInWindow;
  } else {
    next = {
      start: Math.min(stillInWindow.start, visibleInWindow.start),
      end: Math.max(stillInWindow.end, visibleInWindow.end),
    };
  }
  return next.start === rendered.start && next.end === rendered.end ? rendered : next;
}

/**
 * Extends `rendered` by up to `rows` items toward `target`, half below and half above, or all
 * on one side once the other side is complete.
 */
export function growRange(rendered: IndexRange, target: IndexRange, rows: number): IndexRange {
  if (isEmpty(rendered))
    return { start: target.start, end: Math.min(target.end, target.start + rows) };

  const roomBelow = target.end - rendered.end;
  const roomAbove = rendered.start - target.start;
  let below = Math.min(roomBelow, Math.ceil(rows / 2));
  const above = Math.min(roomAbove, rows - below);
  below = Math.min(roomBelow, rows - above);
  return { start: rendered.start - above, end: rendered.end + below };
}

export function isEmpty(range: IndexRange): boolean {
  return range.end <= range.start;
}

function intersect(a: IndexRange, b: IndexRange): IndexRange {
  return { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
}
