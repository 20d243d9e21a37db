/**
 * Takes full-page screenshots of the demo page (`npm run screenshots [outdir]`): admin and
 * member, light and dark, 360 and 1280 px wide, at device scale factor 1, and the admin's page
 * in German in the combinations of `GERMAN`. It runs its own
 * reference server and dev server (see test/e2e/support/demo-harness.ts), so `npm start` need
 * not be running. Default outdir: docs/screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { startDemoHarness } from '../test/e2e/support/demo-harness.js';

const outdir = process.argv[2] ?? 'docs/screenshots';
const viewers = ['admin', 'member'] as const;
const schemes = ['light', 'dark'] as const;
const widths = [360, 1280] as const;

/** The German captures: the wide light page, and the narrow pages where long words wrap. */
const GERMAN = [
  { colorScheme: 'light', width: 1280 },
  { colorScheme: 'light', width: 360 },
  { colorScheme: 'dark', width: 360 },
] as const;

/** Waits until the page shows its members and the migration's member cards. */
async function untilLoaded(page: Page): Promise<void> {
  await page.locator('ls-members-table tr[part~="row"]').first().waitFor();
  await page.locator('ls-key-migration [part="member"] .member-heading').first().waitFor();
  // Not 'networkidle': the page keeps a live-update connection open.
  const busy = page.locator('[aria-busy="true"]');
  const deadline = Date.now() + 5000;
  while ((await busy.count()) > 0) {
    if (Date.now() > deadline) throw new Error('The demo page stayed busy for 5 s.');
    await page.waitForTimeout(100);
  }
}

await mkdir(outdir, { recursive: true });
const demo = await startDemoHarness();
try {
  for (const viewer of viewers) {
    for (const colorScheme of schemes) {
      for (const width of widths) {
        const context = await demo.browser.newContext({
          viewport: { width, height: 800 },
          deviceScaleFactor: 1,
          colorScheme,
        });
        const page = await demo.openDemo({ as: viewer, page: await context.newPage() });
        await untilLoaded(page);

        const path = join(outdir, `users-licenses-${viewer}-${colorScheme}-${width}.png`);
        await page.screenshot({ path, fullPage: true });
        console.log(`Wrote ${path}`);
        await context.close();
      }
    }
  }

  for (const { colorScheme, width } of GERMAN) {
    const context = await demo.browser.newContext({
      viewport: { width, height: 800 },
      deviceScaleFactor: 1,
      colorScheme,
    });
    const page = await demo.openDemo({ as: 'admin', page: await context.newPage() });
    // The demo's language select, as a person would pick German.
    await page.locator('#language select').selectOption('de');
    await page.getByRole('heading', { name: 'Workspace-Mitglieder' }).waitFor();
    await untilLoaded(page);

    const path = join(outdir, `users-licenses-admin-${colorScheme}-${width}-de.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`Wrote ${path}`);
    await context.close();
  }
} finally {
  await demo.close();
}
