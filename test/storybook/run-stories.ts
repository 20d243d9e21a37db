/**
 * Checks every entry of the static Storybook in headless Chromium. Each story must finish
 * its play function without an exception, log no console error and pass axe. Each docs page
 * must render without an error and pass axe. Prints one line per entry and a summary line,
 * and exits 1 on any failure. `npm run test:storybook` builds the Storybook first.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';

import { checkEntry, type EntryResult, type IndexEntry } from './check-story.js';
import { launchChromium } from './chromium.js';
import { serveStatic } from './static-server.js';
import { RECORD_STORY_EVENTS } from './story-events.js';

/** Pages that check entries side by side; more than this gains little on two cores. */
const PARALLEL_PAGES = 3;

const staticRoot = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

async function readIndex(): Promise<IndexEntry[]> {
  let text: string;
  try {
    text = await readFile(`${staticRoot}index.json`, 'utf8');
  } catch {
    throw new Error(
      `No Storybook build at ${staticRoot}index.json. Run npm run build-storybook first, ` +
        'or npm run test:storybook, which builds it.',
    );
  }
  const index = JSON.parse(text) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries);
}

function report(result: EntryResult): void {
  const label = `${result.entry.type} ${result.entry.id} (${result.durationMs} ms)`;
  if (result.failures.length === 0) {
    console.log(`ok   ${label}`);
    return;
  }
  console.log(`FAIL ${label}`);
  for (const failure of result.failures) console.log(`     ${failure}`);
}

async function main(): Promise<number> {
  const entries = await readIndex();
  const server = await serveStatic(staticRoot);
  const browser = await launchChromium();
  const results: EntryResult[] = [];

  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(RECORD_STORY_EVENTS);
    const queue = [...entries];

    const work = async (page: Page) => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        const result = await checkEntry(page, server.url, entry);
        report(result);
        results.push(result);
      }
    };
    const pages = await Promise.all(
      Array.from({ length: PARALLEL_PAGES }, () => context.newPage()),
    );
    await Promise.all(pages.map(work));
  } finally {
    await browser.close();
    await server.close();
  }

  const failed = results.filter((result) => result.failures.length > 0).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
