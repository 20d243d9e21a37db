/**
 * The functions that `bench/table-page.ts` puts on `window.lsBench` for the table benchmark to
 * call through playwright-core. Times are `performance.now()` values of the page, in ms.
 */
export interface TablePageApi {
  /** Renders a new `<ls-members-table>` with a new store, and times its first rows. */
  mount(workspaceId: string, token: string): Promise<RenderTiming>;
  /** Removes the table and drops its store. */
  unmount(): void;
  /** Starts timing the next search, which a keystroke in the search field starts. */
  armSearch(): void;
  /** Waits for the search that `armSearch` timed to paint its rows. */
  searchDone(): Promise<SearchTiming>;
  /** Clicks Load more and waits for its rows; resolves false when there is no Load more. */
  loadMore(): Promise<boolean>;
  /** Scrolls the page from top to bottom in `steps` steps, two frames each. */
  scrollThrough(steps: number): Promise<void>;
  /** Starts counting member rows in the DOM after every change of the table. */
  trackRows(): void;
  /** The maximum number of member rows seen in the DOM since `trackRows`. */
  maxRowsSeen(): number;
  /** The number of members the store has loaded. */
  loadedCount(): number;
}

/** The moments from a response to the painted rows, in ms of the page's clock. */
export interface RenderTiming {
  /** The members response was received: its Resource Timing `responseEnd`. */
  responseEnd: number;
  /** The store notified its listeners of the parsed and validated rows. */
  stored: number;
  /**
   * The element's update ended, including the style and layout that the window controller
   * forces when it measures the rows.
   */
  rendered: number;
  /** A task posted from the next animation frame ran, which is after that frame's paint. */
  painted: number;
}

/** The moments of one search, from the keystroke to the painted rows. */
export interface SearchTiming extends RenderTiming {
  /** The `input` event of the keystroke reached the document. */
  input: number;
  /** The members request started: its Resource Timing `startTime`, after the debounce. */
  requestStart: number;
  /** The member rows in the DOM when the new rows were painted. */
  rows: number;
}

/** The User Timing mark at a search's `input` event, which Chromium's trace records too. */
export const SEARCH_INPUT_MARK = 'ls-bench-search-input';
/** The User Timing mark in the task after the frame that painted the search's rows. */
export const SEARCH_PAINTED_MARK = 'ls-bench-search-painted';

declare global {
  interface Window {
    lsBench: TablePageApi;
  }
}
