/**
 * Measures the members table of the 2,000-member story in the static Storybook: the time from
 * typing a search to the updated rows, the time of "Load more", and frame times while the page
 * scrolls. Run `npm run build-storybook` first, then `npx tsx test/storybook/measure-large-workspace.ts`.
 */
import { fileURLToPath } from 'node:url';

import { launchChromium } from './chromium.js';
import { serveStatic } from './static-server.js';
import { RECORD_STORY_EVENTS } from './story-events.js';

const STORY_ID = 'elements-ls-members-table--large-workspace';
const staticRoot = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

/**
 * Runs in the page: `__lsMeasure` returns milliseconds from `act()` until `done()` holds,
 * checked once per frame. `__name` is the helper that tsx adds to named functions inside the
 * callbacks passed to `page.evaluate`; the page lacks it.
 */
const MEASURE_HELPERS = `
window.__name = (target) => target;
window.__lsMeasure = async (act, done) => {
  const start = performance.now();
  act();
  while (!done()) await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - start;
};
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const server = await serveStatic(staticRoot);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(RECORD_STORY_EVENTS);
    await page.addInitScript(MEASURE_HELPERS);
    await page.goto(`${server.url}/iframe.html?id=${STORY_ID}&viewMode=story`);
    await page.waitForFunction(
      () =>
        (window as unknown as { __lsStoryEvents: { name: string }[] }).__lsStoryEvents.some(
          (event) => event.name === 'storyFinished',
        ),
      undefined,
      { timeout: 30_000 },
    );

    const searches: number[] = [];
    for (const query of ['Grace Hopper 17', 'Linus', 'alan.turing4', 'Hedy Lamarr 33', '']) {
      searches.push(
        await page.evaluate(async (text) => {
          const table = document.querySelector('ls-members-table')!.shadowRoot!;
          const input = table.querySelector<HTMLInputElement>('[part="search-input"]')!;
          const before = table.querySelector('tr[part="row"]');
          const firstRow = () => table.querySelector('tr[part="row"]');
          const measure = (
            window as unknown as {
              __lsMeasure: (act: () => void, done: () => boolean) => Promise<number>;
            }
          ).__lsMeasure;
          return measure(
            () => {
              input.value = text;
              input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            },
            () => firstRow() !== before && table.querySelector('[aria-busy="true"]') === null,
          );
        }, query),
      );
    }

    const loadMores: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      loadMores.push(
        await page.evaluate(async () => {
          const table = document.querySelector('ls-members-table')!.shadowRoot!;
          // The footer's "Showing N of M" counts loaded members; the DOM holds only a window.
          const count = () =>
            Number(/Showing (\d+)/.exec(table.querySelector('footer')?.textContent ?? '')?.[1]);
          const before = count();
          const button = table.querySelector<HTMLButtonElement>('[part="load-more-button"]')!;
          const measure = (
            window as unknown as {
              __lsMeasure: (act: () => void, done: () => boolean) => Promise<number>;
            }
          ).__lsMeasure;
          return measure(
            () => button.click(),
            () => count() > before,
          );
        }),
      );
    }

    const scroll = await page.evaluate(async () => {
      const footer = document
        .querySelector('ls-members-table')!
        .shadowRoot!.querySelector('footer');
      const rows = Number(/Showing (\d+)/.exec(footer?.textContent ?? '')?.[1]);
      const frames: number[] = [];
      let last = performance.now();
      const height = document.documentElement.scrollHeight - innerHeight;
      for (let step = 1; step <= 60; step += 1) {
        scrollTo(0, (height * step) / 60);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      return { rows, height, frames };
    });

    console.log(
      `search to updated rows, median of ${searches.length}: ${median(searches).toFixed(0)} ms (250 ms of it is the debounce)`,
    );
    console.log(`search times: ${searches.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    console.log(
      `load more, median of ${loadMores.length}: ${median(loadMores).toFixed(0)} ms; max ${Math.max(...loadMores).toFixed(0)} ms`,
    );
    console.log(
      `scroll over ${scroll.rows} rows (${scroll.height} px): median frame ${median(scroll.frames).toFixed(1)} ms, ` +
        `max frame ${Math.max(...scroll.frames).toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
