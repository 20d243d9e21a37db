import { createRequire } from 'node:module';

import type * as AxeApi from 'axe-core';
import type { ConsoleMessage, Page } from 'playwright-core';

import type { StoryEvent } from './story-events.js';

/** How long one story or docs page may take to render and play, in milliseconds. */
export const STORY_TIMEOUT_MS = 30_000;

/**
 * The axe rule sets that the check runs. Best-practice rules such as "region" are left out,
 * because they judge the page around the story (the Storybook iframe has no landmarks), not
 * the elements.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** An index.json entry of the static Storybook. */
export interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/** The outcome of one entry: every reason it failed, empty when it passed. */
export interface EntryResult {
  entry: IndexEntry;
  failures: string[];
  durationMs: number;
}

/**
 * Opens one entry in `page` and returns why it failed: a play function that threw, an
 * errored render, a console error or page error, an axe violation, or the timeout.
 */
export async function checkEntry(
  page: Page,
  baseUrl: string,
  entry: IndexEntry,
): Promise<EntryResult> {
  const started = Date.now();
  const failures: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    failures.push(`console error: ${firstLine(message.text())}${url ? ` (${url})` : ''}`);
  };
  const onPageError = (error: Error) => failures.push(`page error: ${firstLine(error.message)}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);

  try {
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    await page.goto(
      `${baseUrl}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`,
    );
    const done = entry.type === 'docs' ? ['docsRendered'] : ['storyFinished'];
    try {
      await page.waitForFunction(
        (names) => {
          const events = (window as unknown as { __lsStoryEvents?: StoryEvent[] }).__lsStoryEvents;
          return events?.some((event) => names.includes(event.name)) ?? false;
        },
        [...done, 'storyMissing'],
        { timeout: STORY_TIMEOUT_MS, polling: 50 },
      );
    } catch {
      failures.push(`did not finish within ${STORY_TIMEOUT_MS / 1000} s`);
    }

    const events = await page.evaluate(
      () => (window as unknown as { __lsStoryEvents?: StoryEvent[] }).__lsStoryEvents ?? [],
    );
    failures.push(...describeFailedEvents(events));

    if (failures.length === 0) failures.push(...(await runAxe(page, entry)));
  } catch (error) {
    failures.push(`runner error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
  return { entry, failures, durationMs: Date.now() - started };
}

function describeFailedEvents(events: StoryEvent[]): string[] {
  const failures: string[] = [];
  for (const { name, payload } of events) {
    const detail = payload as { message?: string; status?: string; newPhase?: string } | undefined;
    if (name === 'playFunctionThrewException')
      failures.push(`play function threw: ${detail?.message}`);
    if (name === 'storyThrewException') {
      failures.push(`render threw: ${firstLine(detail?.message ?? '')}`);
    }
    if (name === 'storyErrored') failures.push(`render errored: ${JSON.stringify(payload)}`);
    if (name === 'storyMissing') failures.push('Storybook has no story with this id');
    if (name === 'unhandledErrorsWhilePlaying') {
      failures.push(`unhandled errors while playing: ${JSON.stringify(payload)}`);
    }
    if (name === 'storyRenderPhaseChanged' && detail?.newPhase === 'errored') {
      failures.push('the render phase ended as "errored"');
    }
    if (name === 'storyFinished' && detail?.status === 'error') {
      failures.push('storyFinished reported status "error"');
    }
  }
  // The phase and status lines only repeat a more specific reason when there is one.
  return failures.length > 2
    ? failures.filter((line) => !line.startsWith('the render') && !line.startsWith('storyFinished'))
    : failures;
}

/** Returns the first line of a message, without the DOM dump that testing-library appends. */
function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/**
 * Runs axe on a story's whole page, or on each rendered story of a docs page. Storybook's own
 * docs frame is left out, because its scrollable preview boxes fail "scrollable-region-focusable"
 * whatever the story renders. A docs page without stories is checked whole.
 */
async function runAxe(page: Page, entry: IndexEntry): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const storyRoots = entry.type === 'docs' ? '[id^="story--"][id$="-inner"]' : 'body';
  const violations = await page.evaluate(
    async ({ tags, storyRoots }) => {
      const axe = (window as unknown as { axe: typeof AxeApi }).axe;
      const hasStories = document.querySelector(storyRoots) !== null;
      const context = hasStories ? { include: [storyRoots] } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
      }));
    },
    { tags: AXE_TAGS, storyRoots },
  );
  return violations.map(
    (violation) => `axe ${violation.id}: ${violation.help} at ${violation.targets.join(', ')}`,
  );
}
