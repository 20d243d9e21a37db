/**
 * The page of the table benchmark (`bench/table.bench.ts`): one `<ls-members-table>` on a
 * store of its own, and the timing functions of `TablePageApi` on `window.lsBench`.
 */
import '../src/define.js';

import { createWorkspaceClient, WorkspaceStore } from '../sdk/index.js';
import type { LsMembersTable } from '../src/index.js';
import {
  SEARCH_INPUT_MARK,
  SEARCH_PAINTED_MARK,
  type RenderTiming,
  type SearchTiming,
  type TablePageApi,
} from './support/table-page-api.js';

const stage = document.querySelector('#stage') as HTMLElement;

let table: LsMembersTable | undefined;
let store: WorkspaceStore | undefined;
let search: Promise<SearchTiming> | undefined;
let rowObserver: MutationObserver | undefined;
let maxRows = 0;

// Paging through a large workspace makes hundreds of requests; the default buffer keeps 250.
performance.setResourceTimingBufferSize(100_000);

function mounted(): { table: LsMembersTable; store: WorkspaceStore } {
  if (table === undefined || store === undefined) throw new Error('Call lsBench.mount() first.');
  return { table, store };
}

function memberRowCount(element: LsMembersTable): number {
  return element.shadowRoot?.querySelectorAll('tr[part="row"]').length ?? 0;
}

/** Resolves with the time of a task posted from the next animation frame, after its paint. */
function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Resolves once the store notified a change that `isDone` accepts and the table's update after
 * it changed the rows and was painted, with the times of the three. The element's
 * `updateComplete` would also wait for the rows that fill the window in later tasks.
 */
function rowUpdate(
  element: LsMembersTable,
  target: WorkspaceStore,
  isDone: () => boolean,
): Promise<{ stored: number; rendered: number; painted: number }> {
  return new Promise((resolve) => {
    const unsubscribe = target.subscribe(() => {
      if (!isDone()) return;
      unsubscribe();
      const stored = performance.now();
      let rendered = stored;
      // The table's listener ran first and queued its update. Mutation observers are notified
      // after that update and the layout that it forces to measure the rows.
      const observer = new MutationObserver(() => {
        observer.disconnect();
        rendered = performance.now();
      });
      observer.observe(element.shadowRoot as ShadowRoot, { childList: true, subtree: true });
      // Requested before the update, this frame callback and the message it posts come before
      // those of the window controller, whose fill tasks would otherwise run first.
      void nextPaint().then((painted) => resolve({ stored, rendered, painted }));
    });
  });
}

/** Returns the timing of the latest members request that started at or after `since`. */
function membersRequest(workspaceId: string, since: number): PerformanceResourceTiming {
  const path = `/v1/workspaces/${workspaceId}/members`;
  const entries = performance
    .getEntriesByType('resource')
    .filter(
      (entry): entry is PerformanceResourceTiming =>
        entry.startTime >= since && new URL(entry.name).pathname === path,
    );
  const latest = entries.at(-1);
  if (latest === undefined) throw new Error(`No request for ${path} since ${since} ms.`);
  return latest;
}

async function mount(workspaceId: string, token: string): Promise<RenderTiming> {
  unmount();
  const started = performance.now();
  store = new WorkspaceStore(
    createWorkspaceClient({ baseUrl: location.origin, workspaceId, token, retry: 0 }),
  );
  table = document.createElement('ls-members-table');
  table.store = store;
  // Connecting the table subscribes it to the store and starts the load, so the table's
  // listener runs before this one and its update is pending when this one resolves.
  stage.append(table);
  const current = mounted();
  const { stored, rendered, painted } = await rowUpdate(
    current.table,
    current.store,
    () => current.store.state.members.items.length > 0,
  );
  const { responseEnd } = membersRequest(workspaceId, started);
  return { responseEnd, stored, rendered, painted };
}

function unmount(): void {
  rowObserver?.disconnect();
  rowObserver = undefined;
  table?.remove();
  table = undefined;
  store = undefined;
  search = undefined;
  window.scrollTo(0, 0);
  performance.clearResourceTimings();
}

function armSearch(): void {
  const current = mounted();
  let input = -1;
  const onInput = () => {
    input = performance.now();
    performance.mark(SEARCH_INPUT_MARK);
  };
  document.addEventListener('input', onInput, { capture: true, once: true });

  let loading = false;
  const updated = rowUpdate(current.table, current.store, () => {
    loading ||= current.store.state.members.loading;
    return loading && !current.store.state.members.loading;
  });
  search = updated.then(({ stored, rendered, painted }) => {
    performance.mark(SEARCH_PAINTED_MARK);
    const request = membersRequest(current.store.client.workspaceId, input);
    return {
      input,
      requestStart: request.startTime,
      responseEnd: request.responseEnd,
      stored,
      rendered,
      painted,
      rows: memberRowCount(current.table),
    };
  });
}

function searchDone(): Promise<SearchTiming> {
  if (search === undefined) throw new Error('Call lsBench.armSearch() before the keystroke.');
  return search;
}

async function loadMore(): Promise<boolean> {
  const current = mounted();
  const button = current.table.shadowRoot?.querySelector<HTMLButtonElement>(
    '[part="load-more-button"]',
  );
  if (button === null || button === undefined) return false;

  const loaded = current.store.state.members.items.length;
  button.focus();
  button.click();
  while (current.store.state.members.items.length === loaded) {
    if (current.table.shadowRoot?.querySelector('[part="error"]')) {
      throw new Error('Load more failed; the table shows an error.');
    }
    await nextPaint();
  }
  // Waits for the rows that fill the window after the new page, too.
  await current.table.updateComplete;
  await nextPaint();
  return true;
}

async function scrollThrough(steps: number): Promise<void> {
  const current = mounted();
  for (let step = 0; step <= steps; step++) {
    const bottom = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, (bottom * step) / steps);
    await nextPaint();
    await current.table.updateComplete;
  }
}

function trackRows(): void {
  const current = mounted();
  maxRows = memberRowCount(current.table);
  rowObserver?.disconnect();
  rowObserver = new MutationObserver(() => {
    maxRows = Math.max(maxRows, memberRowCount(current.table));
  });
  rowObserver.observe(current.table.shadowRoot as ShadowRoot, { childList: true, subtree: true });
}

const api: TablePageApi = {
  mount,
  unmount,
  armSearch,
  searchDone,
  loadMore,
  scrollThrough,
  trackRows,
  maxRowsSeen: () => maxRows,
  loadedCount: () => store?.state.members.items.length ?? 0,
};
window.lsBench = api;
