import type { Figure, Suite, SuiteOptions } from './support/figures.js';
import { describeSpread, median, round, time } from './support/figures.js';
import {
  startTableBench,
  type BenchWorkspace,
  type TableBenchHarness,
} from './support/table-bench-harness.js';
import { traceMainThread, type MainThreadWork } from './support/main-thread-trace.js';
import {
  SEARCH_INPUT_MARK,
  SEARCH_PAINTED_MARK,
  type RenderTiming,
  type SearchTiming,
} from './support/table-page-api.js';

/** How much each measurement repeats; `small` only proves that the suite runs. */
const SCALES = {
  full: { members: 10_000, warmUps: 3, samples: 20, scrollSteps: 200 },
  small: { members: 300, warmUps: 1, samples: 4, scrollSteps: 20 },
};

/**
 * Last names of the seeded members. Each search for one lists members that the search before
 * did not, so every search replaces the rendered rows.
 */
const SEARCHES = [
  'Hopper',
  'Turing',
  'Liskov',
  'Dijkstra',
  'Knuth',
  'Hamilton',
  'Ritchie',
  'Wirth',
  'Torvalds',
  'Lamport',
  'Kernighan',
  'Stroustrup',
];

/**
 * Measures `<ls-members-table>` in headless Chromium against the reference server: the first
 * rows painted after the response, a search keystroke, the rows in the DOM while paging and
 * scrolling through the whole workspace, and the heap that paging adds.
 */
export async function run(options: SuiteOptions): Promise<Suite[]> {
  const scale = SCALES[options.scale];
  progress(`seeding ${scale.members.toLocaleString('en-US')} members and building the page`);
  const bench = await startTableBench(scale.members);
  try {
    const firstRender = await measureFirstRender(bench, scale);
    const search = await measureSearch(bench, scale);
    const paging = await measurePaging(bench, scale);
    const count = bench.large.memberCount.toLocaleString('en-US');
    return [
      {
        title: `Members table in Chromium, ${count} members`,
        figures: [...firstRender, ...search, ...paging],
      },
    ];
  } finally {
    await bench.close();
  }
}

type Scale = (typeof SCALES)[keyof typeof SCALES];

function progress(message: string): void {
  console.error(`  table: ${message}`);
}

/** From the response of the first page to the frame that shows its rows. */
function firstPaint(timing: RenderTiming): number {
  return timing.painted - timing.responseEnd;
}

async function mount(bench: TableBenchHarness, workspace: BenchWorkspace): Promise<RenderTiming> {
  return bench.page.evaluate(([workspaceId, token]) => window.lsBench.mount(workspaceId, token), [
    workspace.workspaceId,
    workspace.token,
  ] as const);
}

async function measureFirstRender(bench: TableBenchHarness, scale: Scale): Promise<Figure[]> {
  progress('timing first renders');
  const small: number[] = [];
  const large: number[] = [];
  for (let iteration = 0; iteration < scale.warmUps + scale.samples; iteration++) {
    // Alternating the sizes spreads any slow period of the machine over both.
    const smallTiming = await mount(bench, bench.small);
    const largeTiming = await mount(bench, bench.large);
    if (iteration < scale.warmUps) continue;
    small.push(firstPaint(smallTiming));
    large.push(firstPaint(largeTiming));
  }

  const largeCount = bench.large.memberCount.toLocaleString('en-US');
  const measured =
    'from the Resource Timing responseEnd of the first page (50 members) to a task posted ' +
    'from the next animation frame; JSON parsing, validation, render, layout and paint';
  return [
    {
      name: `first rows painted after the response, ${largeCount} members, median`,
      value: round(median(large)),
      unit: 'ms',
      spread: describeSpread(large, 'ms'),
      budget: 100,
      note: measured,
    },
    {
      name: `first rows painted after the response, ${bench.small.memberCount} members, median`,
      value: round(median(small)),
      unit: 'ms',
      spread: describeSpread(small, 'ms'),
    },
    {
      name: `first render, ${largeCount} members against ${bench.small.memberCount}`,
      value: round(median(large) / median(small)),
      unit: 'ratio',
      budget: 1.5,
      note: 'ratio of the two medians above',
    },
  ];
}

async function measureSearch(bench: TableBenchHarness, scale: Scale): Promise<Figure[]> {
  progress('timing search keystrokes');
  await mount(bench, bench.large);
  const search = bench.page.locator('ls-members-table [part="search-input"]');
  await search.focus();

  const work: MainThreadWork[] = [];
  const timings: SearchTiming[] = [];
  for (let iteration = 0; iteration < scale.warmUps + scale.samples; iteration++) {
    const text = SEARCHES[iteration % SEARCHES.length] as string;
    await bench.page.keyboard.press('Control+A');
    await bench.page.evaluate('window.lsBench.armSearch()');
    let timing: SearchTiming | undefined;
    const traced = await traceMainThread(
      bench.cdp,
      async () => {
        // One `input` event that replaces the selected text, as a keystroke or a paste does.
        await bench.page.keyboard.insertText(text);
        timing = (await bench.page.evaluate('window.lsBench.searchDone()')) as SearchTiming;
      },
      SEARCH_INPUT_MARK,
      SEARCH_PAINTED_MARK,
    );
    if (iteration < scale.warmUps || timing === undefined) continue;
    work.push(traced);
    timings.push(timing);
  }

  const cpu = work.map((traced) => traced.cpuMs);
  const wall = work.map((traced) => traced.wallMs);
  const debounce = timings.map((timing) => timing.requestStart - timing.input);
  const roundTrip = timings.map((timing) => timing.responseEnd - timing.requestStart);
  const update = timings.map((timing) => timing.rendered - timing.stored);
  const rows = timings.map((timing) => timing.rows);
  const total = timings.map((timing) => timing.painted - timing.input);
  return [
    {
      name: 'search keystroke to painted rows, main-thread work, median',
      value: round(median(cpu)),
      unit: 'ms',
      spread: describeSpread(cpu, 'ms'),
      budget: 16,
      note:
        "CPU time of the page's main-thread tasks in a Chromium trace, from the task with the " +
        'input event to the task after the frame with the new rows: input, request, JSON ' +
        'parsing, validation, render, style, layout and paint. The debounce and the round trip ' +
        'are idle time, and the rows that fill the window after that frame are not counted',
    },
    {
      name: 'search: the same tasks in wall-clock time, median',
      value: round(median(wall)),
      unit: 'ms',
      spread: describeSpread(wall, 'ms'),
      note: 'longer than the CPU time while other processes share the cores',
    },
    {
      name: 'search: element update with its layout, median',
      value: round(median(update)),
      unit: 'ms',
      spread: describeSpread(update, 'ms'),
      note: "from the store's notification to the rows in the DOM and laid out",
    },
    {
      name: 'search: member rows in the DOM at that paint, median',
      value: median(rows),
      unit: 'rows',
      spread: describeSpread(rows, 'rows'),
      note: 'the visible rows; the rest of each page of 50 renders in tasks after the paint',
    },
    {
      name: 'search: debounce, median',
      value: round(median(debounce)),
      unit: 'ms',
      spread: describeSpread(debounce, 'ms'),
      note: 'from the input event to the start of the request',
    },
    {
      name: 'search: server round trip, median',
      value: round(median(roundTrip)),
      unit: 'ms',
      spread: describeSpread(roundTrip, 'ms'),
      note: "Resource Timing of the request, through Vite's preview proxy on 127.0.0.1",
    },
    {
      name: 'search: keystroke to painted rows, median',
      value: round(median(total)),
      unit: 'ms',
      spread: describeSpread(total, 'ms'),
      note: 'what a person waits: debounce, round trip and main-thread work',
    },
  ];
}

async function measurePaging(bench: TableBenchHarness, scale: Scale): Promise<Figure[]> {
  const count = bench.large.memberCount.toLocaleString('en-US');
  progress(`paging through ${count} members`);
  await mount(bench, bench.large);
  await bench.page.evaluate('window.lsBench.trackRows()');
  const heapBefore = await bench.heapUsedMb();

  const loadMores: number[] = [];
  for (;;) {
    let more = false;
    const elapsed = await time(async () => {
      more = (await bench.page.evaluate('window.lsBench.loadMore()')) as boolean;
    });
    if (!more) break;
    loadMores.push(elapsed);
    if (loadMores.length % 50 === 0) progress(`  ${loadMores.length} pages loaded`);
  }
  const heapAfter = await bench.heapUsedMb();
  const loaded = (await bench.page.evaluate('window.lsBench.loadedCount()')) as number;
  if (loaded !== bench.large.memberCount) {
    throw new Error(`Paging loaded ${loaded} of ${bench.large.memberCount} members.`);
  }

  progress('scrolling through every row');
  await bench.page.evaluate((steps) => window.lsBench.scrollThrough(steps), scale.scrollSteps);
  const maxRows = (await bench.page.evaluate('window.lsBench.maxRowsSeen()')) as number;

  return [
    {
      name: 'member rows in the DOM, max seen',
      value: maxRows,
      unit: 'rows',
      budget: 100,
      note:
        `after every change while paging through ${count} members with Load more and ` +
        `scrolling from top to bottom in ${scale.scrollSteps} steps`,
    },
    {
      name: `heap growth after paging through ${count} members`,
      value: round(heapAfter - heapBefore),
      unit: 'MB',
      budget: 20,
      note:
        'JavaScript heap in use after CDP HeapProfiler.collectGarbage, from the first page to ' +
        "the last; includes the store's member objects",
    },
    {
      name: 'Load more to painted rows, median',
      value: round(median(loadMores)),
      unit: 'ms',
      spread: describeSpread(loadMores, 'ms'),
      note: 'round trip included, measured from the benchmark process',
    },
  ];
}
