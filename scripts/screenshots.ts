/**
 * Takes full-page screenshots of the demo page (`npm run screenshots [outdir]`): admin and
 * member, light and dark, 360 and 1280 px wide, at device scale factor 1. It runs its own
 * reference server and dev server (see test/e2e/support/demo-harness.ts), so `npm start` need
 * not be running. Default outdir: docs/screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { startDemoHarness } from '../test/e2e/support/demo-harness.js';

const outdir = process.argv[2] ?? 'docs/screenshots';
const viewers = ['admin', 'member'] as const;
const schemes = ['light', 'dark'] as const;
const widths = [360, 1280] as const;

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
        await page.locator('ls-members-table tr[part~="row"]').first().waitFor();
        await page.locator('ls-key-migration [part="member"] .member-heading').first().waitFor();
        await page.waitForLoadState('networkidle');

        const path = join(outdir, `users-licenses-${viewer}-${colorScheme}-${width}.png`);
        await page.screenshot({ path, fullPage: true });
        console.log(`Wrote ${path}`);
        await context.close();
      }
    }
  }
} finally {
  await demo.close();
}
