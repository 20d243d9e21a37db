/**
 * Runs the benchmark suites and prints their figures as one table.
 *
 *   npm run bench                   every suite at full scale; rewrites docs/benchmarks.md
 *   npm run bench -- --small        a quick run on small workspaces, proving the suites work
 *   npm run bench -- --only server  one suite (sdk, server, table or bundle); repeatable
 *
 * Progress goes to stderr and the table to stdout. At full scale the exit code is 1 when a
 * budget does not hold; a small run judges nothing, because its workspaces are too small for
 * the budgets to mean anything.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import type { Scale, Suite } from './support/figures.js';
import { describeEnvironment } from './support/environment.js';
import { formatSuites, summarizeBudgets } from './support/report.js';
import { SUITES } from './suites.js';

const REPORT_PATH = new URL('../docs/benchmarks.md', import.meta.url);

const { values } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    'no-write': { type: 'boolean', default: false },
  },
});

const scale: Scale = values.small ? 'small' : 'full';
const known = SUITES.map((suite) => suite.name);
const unknown = (values.only ?? []).filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}; choose from ${known.join(', ')}.`);
  process.exit(2);
}
const selected = SUITES.filter((suite) => !values.only || values.only.includes(suite.name));

const started = new Date();
const results: Suite[] = [];
for (const suite of selected) {
  console.error(`Running the ${suite.name} benchmarks (${scale} scale)…`);
  const begin = performance.now();
  results.push(...(await suite.run({ scale })));
  console.error(`  done in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}

const environment = describeEnvironment();
const table = formatSuites(results);
const budgets = summarizeBudgets(results);
console.log(`${environment.join('\n')}\n\n${table}\n\n${budgets.line}`);

const writesReport = scale === 'full' && !values.only && !values['no-write'];
if (writesReport) {
  writeFileSync(REPORT_PATH, report(started, environment, table, budgets.line));
  console.error(`Wrote ${decodeURIComponent(REPORT_PATH.pathname)}.`);
}
if (scale === 'full' && !budgets.allHold) process.exitCode = 1;

function report(date: Date, environment: string[], table: string, summary: string): string {
  return `# Benchmarks

\`npm run bench\` measured these figures on ${date.toISOString().slice(0, 10)} and wrote this
page. Timings are medians of repeated runs with their spread; ratios compare two sizes measured
in the same run, so a busy machine slows both sides alike. \`npm test\` runs every suite on small
workspaces to prove it works (\`npm run bench -- --small\`) and judges no figure, while
\`npm run size\` holds the bundle sizes there.

${environment.map((line) => `- ${line}`).join('\n')}

**${summary}**

${table}
`;
}
