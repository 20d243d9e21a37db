/**
 * One measured figure of a benchmark, with the budget it is held to when there is one.
 * `bench/run.ts` prints every suite's figures as one table and writes it to
 * `docs/benchmarks.md`.
 */
export interface Figure {
  /** The measured quantity, for example "page of 50, searched (3+ characters), p50". */
  name: string;
  value: number;
  unit: 'ms' | 'kB' | 'MB' | 'rows' | 'ratio' | 'ops/s' | 'count';
  /** The spread of the samples, for example "p10–p90 0.11–0.19 ms" or "n=200". */
  spread?: string;
  /** The largest value the budget allows; absent for figures reported without a budget. */
  budget?: number;
  /** Anything a reader needs to judge the figure: a workspace size, what is excluded. */
  note?: string;
}

/** A named group of figures, such as "Reference server, 100,000 members". */
export interface Suite {
  title: string;
  figures: Figure[];
}

/** How much work a run does: `small` only proves the suite runs (used by `npm test`). */
export type Scale = 'full' | 'small';

export interface SuiteOptions {
  scale: Scale;
}

/** Returns whether a figure meets its budget, which figures without one always do. */
export function withinBudget(figure: Figure): boolean {
  return figure.budget === undefined || figure.value <= figure.budget;
}

/** Returns the value at the given quantile (0–1) of the samples, by linear interpolation. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('quantile() needs at least one sample.');
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Formats the spread printed beside a median, such as "p10–p90 1.2–1.9 ms, n=40". */
export function describeSpread(samples: readonly number[], unit: string): string {
  const low = quantile(samples, 0.1);
  const high = quantile(samples, 0.9);
  return `p10–p90 ${round(low)}–${round(high)} ${unit}, n=${samples.length}`;
}

/** Rounds to three significant digits for display, keeping whole numbers whole. */
export function round(value: number): number {
  if (value === 0 || Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

/** Times one call of `work` with the high-resolution clock, in milliseconds. */
export async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
