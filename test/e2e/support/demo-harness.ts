/**
 * Runs the demo page end to end: the reference server on an in-memory database with the demo
 * workspace, Vite's dev server with the repository's vite.config.ts proxying `/v1` to it, and
 * the system Chromium through playwright-core.
 */
import type { AddressInfo } from 'node:net';

import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';

import { silentLogger } from '../../../server/logger.js';
import { toDemoCredentialsFile } from '../../../server/seed/demo-credentials-file.js';
import {
  seedDemoWorkspace,
  type DemoCredentials,
} from '../../../server/seed/seed-demo-workspace.js';
import { listOutbox } from '../../../server/service/outbox.js';
import { startServer, type RunningServer } from '../../../server/start-server.js';

/** The flags that keep the system Chromium quiet and working in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface DemoHarness {
  api: RunningServer;
  credentials: DemoCredentials;
  /** The dev server's origin, such as `http://127.0.0.1:41234`. */
  origin: string;
  browser: Browser;
  /** Opens the demo page as the admin, or as the member with `{ as: 'member' }`. */
  openDemo(options?: { as?: 'admin' | 'member'; width?: number; page?: Page }): Promise<Page>;
  /** Calls the reference server directly, as a command-line tool or another client would. */
  call<Body>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<Body>;
  /** The token of the last invitation emailed to `email`, read from the outbox table. */
  invitationTokenFor(email: string): string;
  close(): Promise<void>;
}

/**
 * Serves the test's own credentials at `/demo-credentials.json`. `enforce: 'pre'` puts it
 * before the config's plugin, which would serve `.data/demo-credentials.json` of `npm start`.
 */
function testCredentials(body: string): Plugin {
  return {
    name: 'ls-e2e-demo-credentials',
    enforce: 'pre',
    configureServer(server) {
      server.middlewares.use('/demo-credentials.json', (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('Cache-Control', 'no-store');
        response.end(body);
      });
    },
  };
}

export async function startDemoHarness(): Promise<DemoHarness> {
  const api = await startServer({ databasePath: ':memory:', port: 0, logger: silentLogger });
  let vite: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    const credentials = await seedDemoWorkspace(api.database);
    const file = toDemoCredentialsFile(api.url, credentials);

    vite = await createServer({
      configFile: new URL('../../../vite.config.ts', import.meta.url).pathname,
      root: new URL('../../../', import.meta.url).pathname,
      logLevel: 'warn',
      clearScreen: false,
      plugins: [testCredentials(JSON.stringify(file))],
      server: {
        host: '127.0.0.1',
        port: 0,
        strictPort: false,
        hmr: false,
        proxy: { '/v1': { target: api.url } },
      },
    });
    await vite.listen();
    const address = vite.httpServer?.address() as AddressInfo | null;
    if (address === null || address === undefined)
      throw new Error("Vite's dev server has no address after listen().");
    const origin = `http://127.0.0.1:${address.port}`;

    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    return harness(api, credentials, origin, browser, vite);
  } catch (error) {
    await browser?.close();
    await vite?.close();
    await api.close();
    throw error;
  }
}

function harness(
  api: RunningServer,
  credentials: DemoCredentials,
  origin: string,
  browser: Browser,
  vite: ViteDevServer,
): DemoHarness {
  return {
    api,
    credentials,
    origin,
    browser,

    async openDemo(options = {}) {
      const page =
        options.page ??
        (await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }));
      // Playwright waits 30 s by default; the demo responds within a second or two.
      page.setDefaultTimeout(5000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const query = options.as === 'member' ? '?as=member' : '';
      await page.goto(`${origin}/index.html${query}`);
      await page.locator('ls-key-migration [part="base"][aria-busy="false"]').waitFor();
      if (errors.length > 0) throw new Error(`The demo page threw: ${errors.join('; ')}`);
      return page;
    },

    async call<Body>(
      method: string,
      path: string,
      options: { token?: string; body?: unknown } = {},
    ) {
      const headers = new Headers({ Accept: 'application/json' });
      if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
      if (options.body !== undefined) headers.set('Content-Type', 'application/json');
      const response = await fetch(new URL(path, api.url), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`${method} ${path} failed with ${response.status}: ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as Body;
    },

    invitationTokenFor(email) {
      const emails = listOutbox({ db: api.database }).filter((entry) => entry.recipient === email);
      const token = /token=(lsi_[a-z0-9]+)/.exec(emails.at(-1)?.body ?? '')?.[1];
      if (token === undefined) throw new Error(`The outbox has no invitation to ${email}.`);
      return token;
    },

    async close() {
      await browser.close();
      await vite.close();
      await api.close();
    },
  };
}
