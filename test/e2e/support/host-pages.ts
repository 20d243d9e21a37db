/**
 * Serves built host pages the way the examples' dev server does, and opens them in Chromium:
 * Vite's preview server on 127.0.0.1 proxies `/v1` to a reference server on an in-memory
 * database with the demo workspace and serves `/demo-credentials.json`.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type Plugin, type PreviewServer } from 'vite';

import { silentLogger } from '../../../server/logger.js';
import {
  toDemoCredentialsFile,
  type DemoCredentialsFile,
} from '../../../server/seed/demo-credentials-file.js';
import { seedDemoWorkspace } from '../../../server/seed/seed-demo-workspace.js';
import { startServer, type RunningServer } from '../../../server/start-server.js';
import { CHROMIUM_ARGS } from './demo-harness.js';

/** The reference server with the demo workspace, and Chromium, shared by a test file. */
export interface HostPageHarness {
  api: RunningServer;
  credentials: DemoCredentialsFile;
  browser: Browser;
  /** Serves the files under `folder` with `/v1` proxied to `api`, and returns the origin. */
  serve(folder: string): Promise<string>;
  /** Opens `url` in a new page, and records the page's uncaught errors and console errors. */
  open(url: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenedPage {
  page: Page;
  /** The uncaught errors and console errors of the page so far. */
  errors: string[];
}

function demoCredentials(body: string): Plugin {
  return {
    name: 'ls-test-demo-credentials',
    configurePreviewServer(server) {
      server.middlewares.use('/demo-credentials.json', (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('Cache-Control', 'no-store');
        response.end(body);
      });
    },
  };
}

export async function startHostPageHarness(): Promise<HostPageHarness> {
  const api = await startServer({ databasePath: ':memory:', port: 0, logger: silentLogger });
  const servers: PreviewServer[] = [];
  let browser: Browser | undefined;
  try {
    const credentials = toDemoCredentialsFile(api.url, await seedDemoWorkspace(api.database));
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const launched = browser;

    return {
      api,
      credentials,
      browser: launched,

      async serve(folder) {
        const server = await preview({
          configFile: false,
          // A root apart from the served folder, which Vite would otherwise warn about.
          root: path.dirname(folder),
          logLevel: 'warn',
          plugins: [demoCredentials(JSON.stringify(credentials))],
          build: { outDir: folder },
          preview: {
            host: '127.0.0.1',
            port: 0,
            strictPort: false,
            proxy: { '/v1': { target: api.url } },
          },
        });
        servers.push(server);
        const address = server.httpServer.address() as AddressInfo | null;
        if (address === null)
          throw new Error(`Vite's preview server for ${folder} has no address.`);
        return `http://127.0.0.1:${address.port}`;
      },

      async open(url) {
        const page = await launched.newPage({ viewport: { width: 1280, height: 900 } });
        // Playwright waits 30 s by default; these pages respond within a second or two.
        page.setDefaultTimeout(10_000);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        await page.goto(url);
        return { page, errors };
      },

      async close() {
        await launched.close();
        await Promise.all(servers.map((server) => server.close()));
        await api.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await api.close();
    throw error;
  }
}
