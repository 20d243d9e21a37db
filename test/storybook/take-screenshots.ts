/**
 * Takes viewport-sized screenshots of the main stories of the static Storybook into
 * `docs/screenshots/stories-*.png`, each after the story's play function finished. Run
 * `npm run build-storybook` first, then `npx tsx test/storybook/take-screenshots.ts`.
 */
import { fileURLToPath } from 'node:url';

import { launchChromium } from './chromium.js';
import { serveStatic } from './static-server.js';
import { RECORD_STORY_EVENTS } from './story-events.js';

const staticRoot = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 760 };

/** The file name after `stories-`, the story id and the viewport of each screenshot. */
const SHOTS = [
  ['users-licenses-admin', 'elements-ls-users-licenses--admin', WIDE],
  ['users-licenses-admin-dark', 'elements-ls-users-licenses--admin-dark', WIDE],
  ['users-licenses-member', 'elements-ls-users-licenses--member', WIDE],
  ['users-licenses-admin-360', 'elements-ls-users-licenses--admin-narrow', PHONE],
  ['users-licenses-rtl', 'elements-ls-users-licenses--right-to-left', WIDE],
  ['members-table-large', 'elements-ls-members-table--large-workspace', WIDE],
  ['members-table-pending', 'elements-ls-members-table--pending-invitations', WIDE],
  ['members-table-loading', 'elements-ls-members-table--loading', WIDE],
  ['members-table-failed', 'elements-ls-members-table--load-failed', WIDE],
  ['members-table-long-names-360', 'elements-ls-members-table--long-names-narrow', PHONE],
  ['invite-form-errors', 'elements-ls-invite-form--validation-errors', WIDE],
  ['licenses-all-seats-taken', 'elements-ls-licenses--all-seats-taken', WIDE],
  ['licenses-expired-pool', 'elements-ls-licenses--expired-pool', WIDE],
  ['key-migration-steps', 'elements-ls-key-migration--members-at-each-step', WIDE],
  ['confirm-dialog-open', 'elements-ls-confirm-dialog--open', WIDE],
  ['theming', 'guides-theming--branded-licenses-and-members', WIDE],
] as const;

async function main(): Promise<void> {
  const server = await serveStatic(staticRoot);
  const browser = await launchChromium();
  try {
    for (const [name, id, viewport] of SHOTS) {
      const page = await browser.newPage({ viewport });
      await page.addInitScript(RECORD_STORY_EVENTS);
      await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story`);
      await page.waitForFunction(
        () =>
          (window as unknown as { __lsStoryEvents: { name: string }[] }).__lsStoryEvents.some(
            (event) => event.name === 'storyFinished',
          ),
        undefined,
        { timeout: 30_000 },
      );
      const path = `${outDir}stories-${name}.png`;
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      console.log(`wrote ${path}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
