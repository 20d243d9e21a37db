import type { CDPSession } from 'playwright-core';

/** The trace categories of top-level tasks and of User Timing marks. */
const CATEGORIES = 'toplevel,disabled-by-default-devtools.timeline,blink.user_timing';
/** The top-level task event of Chromium's scheduler. */
const TASK_EVENT = 'ThreadControllerImpl::RunTask';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start, in µs of Chromium's monotonic clock. */
  ts: number;
  /** Wall-clock duration in µs, on complete (`X`) events. */
  dur?: number;
  /** Thread CPU duration in µs, on complete events where the platform measures it. */
  tdur?: number;
}

/** The main-thread work between two User Timing marks of a page. */
export interface MainThreadWork {
  /** The CPU time of the main thread's tasks, in ms. */
  cpuMs: number;
  /** The wall-clock time of the same tasks, in ms; more than `cpuMs` on a busy machine. */
  wallMs: number;
  tasks: number;
}

/**
 * Records a Chromium trace while `work` runs and sums the tasks of the page's main thread from
 * the task that contains the mark `from` to the one that contains the mark `to`. Idle time
 * between tasks, such as a debounce or a network round trip, is not counted.
 */
export async function traceMainThread(
  cdp: CDPSession,
  work: () => Promise<void>,
  from: string,
  to: string,
): Promise<MainThreadWork> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }

  const start = findMark(events, from);
  const end = findMark(events, to);
  const tasks = events.filter(
    (event) =>
      event.name === TASK_EVENT &&
      event.ph === 'X' &&
      event.pid === start.pid &&
      event.tid === start.tid &&
      event.ts <= end.ts &&
      event.ts + (event.dur ?? 0) >= start.ts,
  );
  return {
    cpuMs: tasks.reduce((sum, task) => sum + (task.tdur ?? task.dur ?? 0), 0) / 1000,
    wallMs: tasks.reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000,
    tasks: tasks.length,
  };
}

function findMark(events: readonly TraceEvent[], name: string): TraceEvent {
  const mark = events.find((event) => event.name === name);
  if (mark === undefined) throw new Error(`The trace contains no mark "${name}".`);
  return mark;
}
