import type { Suite, SuiteOptions } from './support/figures.js';
import { run as bundle } from './bundle.bench.js';
import { run as sdk } from './sdk.bench.js';
import { run as server } from './server.bench.js';
import { run as table } from './table.bench.js';

/** A benchmark suite: a name to select it by, and the function that measures it. */
export interface BenchSuite {
  name: string;
  run(options: SuiteOptions): Promise<Suite[]>;
}

/** Every suite `npm run bench` runs, in the order its table lists them. */
export const SUITES: BenchSuite[] = [
  { name: 'server', run: server },
  { name: 'table', run: table },
  { name: 'sdk', run: sdk },
  { name: 'bundle', run: bundle },
];
