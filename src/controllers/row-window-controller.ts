import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

import { afterNextPaint } from './after-paint.js';
import { RowHeights } from './row-heights.js';
import {
  findClippingAncestors,
  findScrollAnchor,
  focusedRowKey,
  indexAtY,
  itemTop,
  itemTopInMarks,
  measureRowHeights,
  readRowMarks,
  type RowMark,
  scrollViewportBy,
  type ScrollAnchor,
  sizeSpacers,
  SPACER_CLASS,
  viewportClip,
} from './row-window-layout.js';
import {
  chooseWindow,
  growRange,
  isEmpty,
  rangeToRender,
  type IndexRange,
} from './row-window-range.js';

/** The default maximum number of item rows in the DOM: few enough to render in a frame or two. */
const DEFAULT_MAX_ROWS = 100;

/** The height that items count with before any row was measured, in CSS pixels. */
const FALLBACK_ROW_HEIGHT = 48;

/**
 * The number of rows that each task after a paint adds outside the viewport, small enough to
 * keep each task short next to scrolling and typing.
 */
const FILL_ROWS_PER_TASK = 12;

/** The rows rendered beyond each edge of the viewport when a list replaces the rows shown. */
const REPLACED_EXTRA_ROWS = 2;

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

/** An item at the top of the viewport. */
interface TopItem {
  key: string;
  /** The part of the item's height above the viewport, from 0 to 1. */
  hiddenPart: number;
}

type Entry = { key: string; index: number } | { key: symbol };

type Run = IndexRange | (IndexRange & { gap: true });

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function widen(range: IndexRange, rows: number): IndexRange {
  return { start: Math.max(0, range.start - rows), end: range.end + rows };
}

function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** One key per spacer position: before, between and after the rendered runs of items. */
const SPACER_KEYS = [Symbol('spacer 0'), Symbol('spacer 1'), Symbol('spacer 2')] as const;

/**
 * Renders only the rows of a long table that are near the viewport, with spacer rows above and
 * below whose heights keep the scrollbar and the positions of the rows right.
 *
 * - The window is the visible items and as many again beyond each edge, at most `maxRows`.
 *   A list of up to `maxRows` items is rendered whole. The viewport is the page's, clipped by
 *   every scrolling or clipping ancestor of the host, and the window follows it on scroll.
 * - The first items render with the whole window. After that, the visible items render at
 *   once, and the rest of the window fills in tasks of `FILL_ROWS_PER_TASK` rows after the
 *   frame is painted, so that search results show within one short render. `filled` resolves
 *   once the window is complete.
 * - Row heights are measured after each render, per item, so rows of different heights, such
 *   as expanded details or rows stacked in a narrow container, keep their place. A change of
 *   the host's width discards the measurements. Items never rendered count with the mean of
 *   the measured heights, so a spacer can grow or shrink by far more than the viewport when
 *   new rows are measured. The scroll position follows, so that the first visible item stays
 *   where it was.
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
  /** The items that the window should contain. */
  #target: IndexRange = { start: 0, end: 0 };
  /** The items rendered, a part of `#target` while the window fills. */
  #range: IndexRange = { start: 0, end: 0 };
  /** The item rendered outside `#range` because it contains focus, or -1. */
  #pinned = -1;
  /** Whether item rows were rendered before; the first ones render without a fill. */
  #renderedItems = false;
  /** The items in the viewport at the last measurement, or `null` before the first one. */
  #visible: IndexRange | null = null;
  /** The first item in the viewport before the current update, which the update keeps in place. */
  #anchor: ScrollAnchor | null = null;
  /** The item at the top of the viewport when the visible items were last read. */
  #topItem: TopItem | null = null;
  /** The item at the top of the viewport before the width changed, until the rows are measured. */
  #widthAnchor: TopItem | null = null;

  #fill: Deferred | undefined;
  /** Resolves after the next update of the host. */
  #nextUpdate: Deferred | undefined;
  #cancelFill: (() => void) | undefined;
  #clippingAncestors: Element[] = [];
  #resizeObserver: ResizeObserver | undefined;
  #width = 0;
  /** The host's border-box width at the resize observer's last report, in CSS pixels. */
  #borderWidth = 0;
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

  /** Resolves once every item of the window is rendered, after the fill's last update. */
  get filled(): Promise<void> {
    return this.#fill?.promise ?? Promise.resolve();
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
    // The host's updateComplete may wait until the window is filled, which takes several tasks.
    this.#nextUpdate ??= deferred();
    await this.#nextUpdate.promise;
  }

  /** Renders the spacers and the rows of the items in the window, keyed by item. */
  render(items: readonly T[], renderItem: (item: T, index: number) => unknown): unknown {
    const replaced = items !== this.#items && this.#setItems(items);
    // The rows of a replaced list start where the viewport is, wherever an item was before.
    if (replaced) {
      this.#anchor = null;
      this.#widthAnchor = null;
    }
    const visible = this.#visible ?? this.#firstScreen();
    this.#target = chooseWindow(this.#target, visible, items.length, this.#maxRows);
    if (!this.#renderedItems) {
      // The first rows render whole: the person waits for the table to appear at all.
      this.#range = this.#target;
      this.#renderedItems = items.length > 0;
    } else {
      // Rows of a replaced list, such as search results, render from the viewport out. The
      // new rows may be shorter than the old ones, so a few more than fitted before render.
      const rendered = replaced ? { start: 0, end: 0 } : this.#range;
      const needed = replaced ? widen(visible, REPLACED_EXTRA_ROWS) : visible;
      this.#range = rangeToRender(rendered, this.#target, needed);
    }
    this.#pinFocusedItem();
    if (this.#range.start !== this.#target.start || this.#range.end !== this.#target.end) {
      this.#startFill();
    }

    const entries: Entry[] = [];
    let spacers = 0;
    for (const run of this.#runs()) {
      if ('gap' in run) {
        entries.push({ key: SPACER_KEYS[spacers++] as symbol });
        continue;
      }
      for (let index = run.start; index < run.end; index++) {
        entries.push({ key: this.#keys[index] as string, index });
      }
    }

    // The spacers get their heights in `hostUpdated`, where measuring the rows can change them
    // without another render.
    return repeat(
      entries,
      (entry) => entry.key,
      (entry) =>
        'index' in entry
          ? renderItem(items[entry.index] as T, entry.index)
          : html`<tr class=${SPACER_CLASS} aria-hidden="true">
              <td colspan=${this.#options.columns}></td>
            </tr>`,
    );
  }

  hostConnected(): void {
    this.#clippingAncestors = findClippingAncestors(this.#host);
    for (const target of [window, ...this.#clippingAncestors]) {
      target.addEventListener('scroll', this.#onScroll, { passive: true });
    }
    window.addEventListener('resize', this.#onResize, { passive: true });

    this.#resizeObserver = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      const width = entry?.contentRect.width ?? 0;
      // A hidden host has no width and its rows have no height to measure.
      if (width === 0) return;
      this.#borderWidth = entry?.borderBoxSize[0]?.inlineSize ?? 0;
      if (width === this.#width) return;
      if (this.#width !== 0) {
        // Rows wrap differently at another width. Re-rendering in the observer's callback
        // could resize the host again within the same frame, so the next frame does it.
        this.#widthChanged = true;
        this.#widthAnchor ??= this.#topItem;
        this.#scheduleRender();
      }
      this.#width = width;
    });
    // The border box, so that `#borderWidth` follows every change that `offsetWidth` shows.
    this.#resizeObserver.observe(this.#host, { box: 'border-box' });
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
    // A disconnected host renders nothing more, so callers waiting for the fill must not hang.
    this.#cancelFill?.();
    this.#cancelFill = undefined;
    this.#fill?.resolve();
    this.#fill = undefined;
    this.#nextUpdate?.resolve();
    this.#nextUpdate = undefined;
  }

  hostUpdate(): void {
    const body = this.#options.body();
    if (body === null) return;
    // The layout before the render is the one on screen, with spacers that match their runs.
    const { top, bottom } = viewportClip(this.#clippingAncestors);
    this.#anchor =
      this.#widthAnchor === null
        ? findScrollAnchor(body, this.#options.keyAttribute, top, bottom)
        : null;
  }

  hostUpdated(): void {
    this.#nextUpdate?.resolve();
    this.#nextUpdate = undefined;
    const body = this.#options.body();
    if (body !== null) {
      this.#sizeSpacers(body);
      const measured = measureRowHeights(body, this.#options.keyAttribute, this.#heights);
      this.#sizeSpacers(body);
      // The viewport is read after the spacers take the measured heights and the scroll
      // follows the anchor, from the layout that the next frame paints.
      this.#keepAnchorInPlace(body);
      // Requesting an update from within an update would make Lit warn and render twice in a
      // row, so a moved window renders on the next frame.
      if (measured && this.#viewportChanged()) this.#scheduleRender();
    }
    this.#anchor = null;
    if (this.#fill !== undefined && this.#cancelFill === undefined) {
      this.#fill.resolve();
      this.#fill = undefined;
    }
  }

  readonly #onScroll = (): void => {
    if (this.#viewportChanged()) this.#host.requestUpdate();
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
    if (this.#viewportChanged()) this.#host.requestUpdate();
  };

  /**
   * Scrolls by as much as the spacers and the measured rows above the anchor moved it, so the
   * viewport shows the items it showed before the update.
   */
  #keepAnchorInPlace(body: HTMLTableSectionElement): void {
    const anchor = this.#anchor ?? this.#widthAnchorTop();
    this.#widthAnchor = null;
    if (anchor === null) return;
    const top = itemTop(body, this.#options.keyAttribute, anchor.key);
    // Half a pixel and less is rounding in layout.
    if (top !== null && Math.abs(top - anchor.top) > 0.5) {
      scrollViewportBy(this.#clippingAncestors, top - anchor.top);
    }
  }

  /**
   * Returns where the item at the top of the viewport before the width changed belongs now:
   * with the same part of its measured height above the viewport.
   */
  #widthAnchorTop(): ScrollAnchor | null {
    if (this.#widthAnchor === null) return null;
    const { key, hiddenPart } = this.#widthAnchor;
    const index = this.indexOf(key);
    if (index === -1) return null;
    const height = this.#heightOf({ start: index, end: index + 1 });
    return { key, top: viewportClip(this.#clippingAncestors).top - hiddenPart * height };
  }

  /** Renders on the next frame, after discarding the measurements if the width changed. */
  #scheduleRender(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#widthChanged) this.#heights.clear();
      this.#widthChanged = false;
      this.#host.requestUpdate();
    });
  }

  /** Adds the next rows of the window after the coming paint, unless that is scheduled. */
  #startFill(): void {
    this.#fill ??= deferred();
    this.#cancelFill ??= afterNextPaint(() => {
      this.#cancelFill = undefined;
      this.#range = growRange(this.#range, this.#target, FILL_ROWS_PER_TASK);
      this.#host.requestUpdate();
    });
  }

  /** Stores the new items; returns whether the rendered rows now show other items. */
  #setItems(items: readonly T[]): boolean {
    const before = this.#keys[this.#range.start];
    this.#items = items;
    this.#keys = items.map((item) => this.#options.keyOf(item));
    this.#indexByKey = null;
    this.#heights.setKeys(this.#keys);
    return isEmpty(this.#range) || this.#keys[this.#range.start] !== before;
  }

  /** Returns the items that fit the viewport before anything was measured. */
  #firstScreen(): IndexRange {
    return { start: 0, end: Math.ceil(window.innerHeight / this.#heights.estimate) };
  }

  #isRendered(index: number): boolean {
    return (index >= this.#range.start && index < this.#range.end) || index === this.#pinned;
  }

  /**
   * Keeps the item that contains focus rendered when it is outside `#range`. It counts against
   * `maxRows`, so a full window gives up its farthest item.
   */
  #pinFocusedItem(): void {
    const body = this.#options.body();
    const key = body === null ? null : focusedRowKey(this.#host, body, this.#options.keyAttribute);
    const focused = key === null ? -1 : this.indexOf(key);
    const { start, end } = this.#range;
    if (focused === -1 || (focused >= start && focused < end)) {
      this.#pinned = -1;
      return;
    }
    if (end - start >= this.#maxRows) {
      this.#range = focused < start ? { start, end: end - 1 } : { start: start + 1, end };
    }
    this.#pinned = focused;
  }

  /** Returns the rendered runs of items and the gaps between them, in display order. */
  #runs(): Run[] {
    const runs: IndexRange[] = isEmpty(this.#range) ? [] : [this.#range];
    if (this.#pinned !== -1) {
      const pinned = { start: this.#pinned, end: this.#pinned + 1 };
      if (this.#pinned < this.#range.start) runs.unshift(pinned);
      else runs.push(pinned);
    }

    const all: Run[] = [];
    let next = 0;
    for (const run of runs) {
      if (run.start > next) all.push({ start: next, end: run.start, gap: true });
      all.push(run);
      next = run.end;
    }
    if (next < this.#keys.length) all.push({ start: next, end: this.#keys.length, gap: true });
    return all;
  }

  /** Returns the runs of items that the spacers replace, from top to bottom. */
  #gaps(): IndexRange[] {
    return this.#runs().filter((run) => 'gap' in run);
  }

  /** Sets the height of each spacer to that of the items it replaces. */
  #sizeSpacers(body: HTMLTableSectionElement): void {
    sizeSpacers(
      body,
      this.#gaps().map((gap) => this.#heightOf(gap)),
    );
  }

  #heightOf(run: IndexRange): number {
    return this.#heights.offset(run.end) - this.#heights.offset(run.start);
  }

  #recordTopItem(marks: readonly RowMark[], index: number, viewportTop: number): void {
    const topOfItem = itemTopInMarks(marks, index, this.#heights);
    const key = this.#keys[index];
    if (topOfItem === null || key === undefined) return;
    const height = this.#heightOf({ start: index, end: index + 1 });
    const hiddenPart = height > 0 ? (viewportTop - topOfItem) / height : 0;
    this.#topItem = { key, hiddenPart: Math.min(Math.max(hiddenPart, 0), 1) };
  }

  /**
   * Reads the visible items into `#visible`; returns whether a render is due, because the
   * window must move or a visible item is not rendered.
   */
  #viewportChanged(): boolean {
    const body = this.#options.body();
    const count = this.#keys.length;
    if (body === null || count === 0 || body.getClientRects().length === 0) return false;
    // Until the resize observer reports a new width and the rows are measured at it, the
    // layout mixes heights from two widths, and the items read from it would move the window.
    // `offsetWidth` is rounded to whole pixels and, like the observer, ignores transforms.
    const width = this.#host.offsetWidth;
    if (this.#borderWidth !== 0 && Math.abs(width - this.#borderWidth) >= 1) return false;

    const { top, bottom } = viewportClip(this.#clippingAncestors);
    const marks = readRowMarks(body, this.#options.keyAttribute, this.#gaps(), (key) =>
      this.indexOf(key),
    );
    const first = indexAtY(marks, top, this.#heights);
    // The row that starts exactly at the bottom edge is not visible.
    const last = Math.max(first, indexAtY(marks, bottom - 1, this.#heights));
    const visible = { start: first, end: last + 1 };
    this.#visible = visible;
    this.#recordTopItem(marks, first, top);

    const target = chooseWindow(this.#target, visible, count, this.#maxRows);
    return target !== this.#target || rangeToRender(this.#range, target, visible) !== this.#range;
  }
}
