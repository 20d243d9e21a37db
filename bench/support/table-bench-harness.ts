import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, CDPSession, Page } from 'playwright-core';

import { silentLogger } from '../../server/logger.js';
import { seedBulkMembers } from '../../server/seed/seed-bulk-members.js';
import { startServer, type RunningServer } from '../../server/start-server.js';
import { launchChromium } from '../../test/storybook/chromium.js';
import { serveTablePage, type TablePageServer } from './table-page-server.js';

/** A seeded workspace and the session token of its admin. */
export interface BenchWorkspace {
  workspaceId: string;
  token: string;
  memberCount: number;
}

/** The reference server, the benchmark page and Chromium, ready to measure. */
export interface TableBenchHarness {
  /** A workspace of 100 members, the base of the first-render ratio. */
  small: BenchWorkspace;
  /** The large workspace that the budgets are about. */
  large: BenchWorkspace;
  page: Page;
  /** The DevTools protocol session of the page. */
  cdp: CDPSession;
  /** Collects garbage in the page and returns its JavaScript heap in use, in MB. */
  heapUsedMb(): Promise<number>;
  close(): Promise<void>;
}

const SMALL_WORKSPACE_SIZE = 100;
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Starts the reference server on 127.0.0.1 with a database in a temporary directory, seeds a
 * workspace of 100 members and one of `largeSize` with `seedBulkMembers`, serves the benchmark
 * page and opens it in headless Chromium (`CHROME_PATH`, default `/usr/bin/chromium`).
 */
export async function startTableBench(largeSize: number): Promise<TableBenchHarness> {
  const directory = await mkdtemp(join(tmpdir(), 'ls-admin-table-bench-db-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(directory, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    const api: RunningServer = await startServer({
      databasePath: join(directory, 'members.sqlite'),
      logger: silentLogger,
    });
    cleanups.push(() => api.close());
    const small = await seed(api, 'ws_table_small', SMALL_WORKSPACE_SIZE);
    const large = await seed(api, 'ws_table_large', largeSize);

    const pageServer: TablePageServer = await serveTablePage(api.url);
    cleanups.push(() => pageServer.close());
    const browser: Browser = await launchChromium();
    cleanups.push(() => browser.close());

    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pageServer.pageUrl);
    await page.waitForFunction('window.lsBench !== undefined');
    if (errors.length > 0) throw new Error(`The benchmark page threw: ${errors.join('; ')}`);

    const cdp: CDPSession = await page.context().newCDPSession(page);
    return {
      small,
      large,
      page,
      cdp,
      heapUsedMb: async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize / 2 ** 20;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function seed(
  api: RunningServer,
  workspaceId: string,
  count: number,
): Promise<BenchWorkspace> {
  const seeded = await seedBulkMembers(api.database, { workspaceId, count });
  return { workspaceId, token: seeded.admin.sessionToken, memberCount: count };
}
