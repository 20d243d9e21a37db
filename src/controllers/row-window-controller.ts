import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';

import { RowHeights } from './row-heights.js';
import { findClippingAncestors, viewportClip } from './row-window-layout.js';
import { chooseWindow, type IndexRange } from './row-window-range.js';

/** The default maximum number of item rows in the DOM: few enough to render in a frame or two. */
const DEFAULT_MAX_ROWS = 100;

/** The height that items count with before any row was measured, in CSS pixels. */
const FALLBACK_ROW_HEIGHT = 48;

/** The class of the spacer rows, which `rowWindowStyles` styles. */
const SPACER_CLASS = 'row-window-spacer';

/** Options of `RowWindowController`. */
export interface RowWindowOptions<T> {
  /** Returns the rendered `<tbody>` whose rows are windowed, or `null` before the first render. */
  body(): HTMLTableSectionElement | null;
  /** Returns a stable, unique key of an item, such as its id. */
  keyOf(item: T): string;
  /**
   * The attribute that the first row of each item's rows carries, with the item's key as its
   * value. The rows up to the next such row or spacer belong to the same item.
   */
  keyAttribute: string;
  /** The number of columns, which each spacer cell spans. */
  columns: number;
  /** The maximum number of item rows in the DOM, counting the focused one. Default 100. */
  maxRows?: number;
}

type Entry = { key: string; index: number } | { key: symbol; height: number };

/** The top of a rendered item or spacer in viewport coordinates, with its index or its run. */
type Mark = { top: number; index: number } | { top: number; gap: IndexRange };

/** One key per spacer position: before, between and after the rendered runs of items. */
const SPACER_KEYS = [Symbol('spacer 0'), Symbol('spacer 1'), Symbol('spacer 2')] as const;

/**
 * Renders only the rows of a long table that are near the viewport, with spacer rows above and
 * below whose heights keep the scrollbar and the positions of the rows right.
 *
 * - The viewport is the page's, clipped by every scrolling or clipping ancestor of the host,
 *   and the window follows it on scroll and resize.
 * - Row heights are measured after each render, per item, so rows of different heights, such
 *   as expanded details or rows stacked in a narrow container, keep their place. A change of
 *   the host's width discards the measurements.
 * - The item that contains focus stays rendered when it leaves the window, so focus is kept.
 * - `reveal(key)` renders an item before a caller focuses or scrolls to it.
 *
 * The host renders `window.render(items, renderItem)` inside the `<tbody>` that `body()`
 * returns and includes `rowWindowStyles` in its styles.
 */
export class RowWindowController<T> implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: RowWindowOptions<T>;
  readonly #maxRows: number;
  readonly #heights = new RowHeights(FALLBACK_ROW_HEIGHT);

  #items: readonly T[] = [];
  #keys: readonly string[] = [];
  #indexByKey: Map<string, number> | null = null;
  /** The run of items rendered around the viewport. */
  #range: IndexRange = { start: 0, end: 0 };
  /** The item rendered outside `#range` because it contains focus, or -1. */
  #pinned = -1;
  /** The heights of the spacers of the last render, from top to bottom. */
  #spacerHeights: number[] = [];
  /** The items in the viewport at the last measurement. */
  #visible: IndexRange = { start: 0, end: 1 };

  #clippingAncestors: Element[] = [];
  #resizeObserver: ResizeObserver | undefined;
  #width = 0;
  /** Whether the host's width changed since the rows were measured. */
  #widthChanged = false;
  #frame = 0;

  constructor(host: ReactiveElement, options: RowWindowOptions<T>) {
    this.#host = host;
    this.#options = options;
    this.#maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    host.addController(this);
  }

  /** The number of items of the last render, rendered or not. */
  get count(): number {
    return this.#keys.length;
  }

  /** Returns the index of the item with `key` in the last rendered items, or -1. */
  indexOf(key: string): number {
    this.#indexByKey ??= new Map(this.#keys.map((itemKey, index) => [itemKey, index]));
    return this.#indexByKey.get(key) ?? -1;
  }

  /** Returns the key of the item at `index` in the last rendered items. */
  keyAt(index: number): string | undefined {
    return this.#keys[index];
  }

  /**
   * Renders the item with `key` if it is not rendered yet, with its neighbours, and waits for
   * the render. The window moves back to the viewport on the next scroll, so callers focus
   * or scroll to the item right after.
   */
  async reveal(key: string): Promise<void> {
    const index = this.indexOf(key);
    if (index === -1 || this.#isRendered(index)) return;
    this.#visible = { start: index, end: index + 1 };
    this.#host.requestUpdate();
    await this.#host.updateComplete;
  }

  /** Renders the spacers and the rows of the items in the window, keyed by item. */
  render(items: readonly T[], renderItem: (item: T, index: number) => unknown): unknown {
    if (items !== this.#items) this.#setItems(items);

    let range = chooseWindow(this.#range, this.#visible, items.length, this.#maxRows);
    const focused = this.#focusedIndex();
    const outside = focused !== -1 && (focused < range.start || focused >= range.end);
    // The focused item counts against `maxRows`, so the window gives up its farthest item.
    if (outside && range.end - range.start >= this.#maxRows) {
      range =
        focused < range.start
          ? { start: range.start, end: range.end - 1 }
          : { start: range.start + 1, end: range.end };
    }
    this.#range = range;
    this.#pinned = outside ? focused : -1;

    const entries: Entry[] = [];
    let spacers = 0;
    for (const run of this.#runs()) {
      if ('gap' in run) {
        const key = SPACER_KEYS[spacers++] as symbol;
        entries.push({ key, height: this.#heightOf(run) });
        continue;
      }
      for (let index = run.start; index < run.end; index++) {
        entries.push({ key: this.#keys[index] as string, index });
      }
    }
    this.#spacerHeights = entries.flatMap((entry) => ('height' in entry ? [entry.height] : []));

    return repeat(
      entries,
      (entry) => entry.key,
      (entry) =>
        'height' in entry
          ? this.#renderSpacer(entry.height)
          : renderItem(items[entry.index] as T, entry.index),
    );
  }

  hostConnected(): void {
    this.#clippingAncestors = findClippingAncestors(this.#host);
    for (const target of [window, ...this.#clippingAncestors]) {
      target.addEventListener('scroll', this.#onScroll, { passive: true });
    }
    window.addEventListener('resize', this.#onResize, { passive: true });

    this.#resizeObserver = new ResizeObserver((entries) => {
      const width = entries.at(-1)?.contentRect.width ?? 0;
      // A hidden host has no width and its rows have no height to measure.
      if (width === 0 || width === this.#width) return;
      if (this.#width !== 0) {
        // Rows wrap differently at another width. Re-rendering in the observer's callback
        // could resize the host again within the same frame, so the next frame does it.
        this.#widthChanged = true;
        this.#schedule();
      }
      this.#width = width;
    });
    this.#resizeObserver.observe(this.#host);
  }

  hostDisconnected(): void {
    for (const target of [window, ...this.#clippingAncestors]) {
      target.removeEventListener('scroll', this.#onScroll);
    }
    window.removeEventListener('resize', this.#onResize);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#clippingAncestors = [];
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  hostUpdated(): void {
    if (!this.#measure()) return;
    // Requesting an update from within an update would make Lit warn and render twice in a
    // row, so a moved window or changed spacers render on the next frame.
    if (this.#windowChanged() || this.#spacersChanged()) this.#schedule();
  }

  readonly #onScroll = (): void => {
    if (this.#windowChanged()) this.#host.requestUpdate();
  };

  readonly #onResize = (): void => {
    // A page may have made an ancestor scroll or clip at another width.
    for (const target of this.#clippingAncestors) {
      target.removeEventListener('scroll', this.#onScroll);
    }
    this.#clippingAncestors = findClippingAncestors(this.#host);
    for (const target of this.#clippingAncestors) {
      target.addEventListener('scroll', this.#onScroll, { passive: true });
    }
    if (this.#windowChanged()) this.#host.requestUpdate();
  };

  /** Renders on the next frame, after discarding the measurements if the width changed. */
  #schedule(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#widthChanged) this.#heights.clear();
      this.#widthChanged = false;
      this.#host.requestUpdate();
    });
  }

  #setItems(items: readonly T[]): void {
    this.#items = items;
    this.#keys = items.map((item) => this.#options.keyOf(item));
    this.#indexByKey = null;
    this.#heights.setKeys(this.#keys);
  }

  #isRendered(index: number): boolean {
    return (index >= this.#range.start && index < this.#range.end) || index === this.#pinned;
  }

  /** Returns the index of the item whose rows contain the focused element, or -1. */
  #focusedIndex(): number {
    const body = this.#options.body();
    const active = this.#host.shadowRoot?.activeElement ?? null;
    if (body === null || active === null) return -1;

    let row = active.closest('tr');
    if (row?.parentElement !== body) return -1;
    while (row !== null && !row.hasAttribute(this.#options.keyAttribute)) {
      if (row.classList.contains(SPACER_CLASS)) return -1;
      row = row.previousElementSibling as HTMLTableRowElement | null;
    }
    const key = row?.getAttribute(this.#options.keyAttribute);
    return key === null || key === undefined ? -1 : this.indexOf(key);
  }

  /** Returns the rendered runs of items and the gaps between them, in display order. */
  #runs(): (IndexRange | (IndexRange & { gap: true }))[] {
    const runs: IndexRange[] = [this.#range];
    if (this.#pinned !== -1) {
      const pinned = { start: this.#pinned, end: this.#pinned + 1 };
      if (this.#pinned < this.#range.start) runs.unshift(pinned);
      else runs.push(pinned);
    }

    const all: (IndexRange | (IndexRange & { gap: true }))[] = [];
    let next = 0;
    for (const run of runs) {
      if (run.start > next) all.push({ start: next, end: run.start, gap: true });
      all.push(run);
      next = run.end;
    }
    if (next < this.#keys.length) all.push({ start: next, end: this.#keys.length, gap: true });
    return all;
  }

  #heightOf(run: IndexRange): number {
    return this.#heights.offset(run.end) - this.#heights.offset(run.start);
  }

  #renderSpacer(height: number) {
    return html`<tr
      class=${SPACER_CLASS}
      aria-hidden="true"
      style=${styleMap({ height: `${height}px` })}
    >
      <td colspan=${this.#options.columns}></td>
    </tr>`;
  }

  /**
   * Records the height of every rendered item: the distance from its first row to the next
   * item's first row or spacer, which includes its detail rows and collapsed borders. Returns
   * false when the table is not laid out, as in a hidden container.
   */
  #measure(): boolean {
    const body = this.#options.body();
    if (body === null || body.getClientRects().length === 0) return false;

    const attribute = this.#options.keyAttribute;
    let key: string | null = null;
    let top = 0;
    for (const row of body.rows) {
      const isItem = row.hasAttribute(attribute);
      if (!isItem && !row.classList.contains(SPACER_CLASS)) continue;

      const rowTop = row.getBoundingClientRect().top;
      if (key !== null && rowTop > top) this.#heights.set(key, rowTop - top);
      key = isItem ? row.getAttribute(attribute) : null;
      top = rowTop;
    }
    const bottom = body.getBoundingClientRect().bottom;
    if (key !== null && bottom > top) this.#heights.set(key, bottom - top);
    return true;
  }

  /** Reads the viewport into `#visible`; returns whether the window must move. */
  #windowChanged(): boolean {
    const body = this.#options.body();
    const count = this.#keys.length;
    if (body === null || count <= this.#maxRows) return false;
    if (body.getClientRects().length === 0) return false;

    const { top, bottom } = viewportClip(this.#clippingAncestors);
    const marks = this.#readMarks(body);
    const first = this.#indexAtY(marks, top);
    // The row that starts exactly at the bottom edge is not visible.
    const last = Math.max(first, this.#indexAtY(marks, bottom - 1));
    this.#visible = { start: first, end: last + 1 };

    return chooseWindow(this.#range, this.#visible, count, this.#maxRows) !== this.#range;
  }

  /**
   * Returns the top, in viewport coordinates, of each rendered item and spacer in DOM order,
   * with the item's index or the spacer's run of items.
   */
  #readMarks(body: HTMLTableSectionElement): Mark[] {
    const gaps = this.#runs().filter((run) => 'gap' in run);
    const attribute = this.#options.keyAttribute;
    const marks: Mark[] = [];
    for (const row of body.rows) {
      const key = row.getAttribute(attribute);
      if (key !== null) {
        marks.push({ top: row.getBoundingClientRect().top, index: this.indexOf(key) });
      } else if (row.classList.contains(SPACER_CLASS)) {
        const gap = gaps.shift();
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
  #indexAtY(marks: readonly Mark[], y: number): number {
    let mark = marks[0];
    for (const candidate of marks) {
      if (candidate.top > y) break;
      mark = candidate;
    }
    if (mark === undefined) return 0;
    if ('index' in mark) return Math.max(0, mark.index);

    const { start, end } = mark.gap;
    const offset = this.#heights.offset(start) + Math.max(0, y - mark.top);
    return Math.min(Math.max(this.#heights.indexAt(offset), start), end - 1);
  }

  /** Tells whether a spacer of the last render differs by a pixel or more from the measurements. */
  #spacersChanged(): boolean {
    const gaps = this.#runs().filter((run) => 'gap' in run);
    if (gaps.length !== this.#spacerHeights.length) return true;
    return gaps.some(
      (gap, index) => Math.abs(this.#heightOf(gap) - (this.#spacerHeights[index] ?? 0)) >= 1,
    );
  }
}
