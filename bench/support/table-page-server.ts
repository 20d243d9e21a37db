import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build, preview } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = fileURLToPath(new URL('../table-page.html', import.meta.url));

/** The benchmark page, built for production and served on a loopback port. */
export interface TablePageServer {
  /** The page's address, such as `http://127.0.0.1:41234/bench/table-page.html`. */
  pageUrl: string;
  close(): Promise<void>;
}

/**
 * Builds `bench/table-page.html` with Vite into a temporary directory and serves it with
 * Vite's preview server, which forwards `/v1` to the reference server at `apiUrl`. The
 * production build is what a host page ships, with Lit's production build and no development
 * checks. The repository's `vite.config.ts` is not read, because it proxies to `npm run server`.
 */
export async function serveTablePage(apiUrl: string): Promise<TablePageServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'ls-admin-table-bench-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, rollupOptions: { input: PAGE } },
    });
    const server = await preview({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      build: { outDir },
      preview: {
        host: '127.0.0.1',
        port: 0,
        strictPort: false,
        proxy: { '/v1': { target: apiUrl } },
      },
    });
    const origin = server.resolvedUrls?.local[0];
    if (origin === undefined) throw new Error("Vite's preview server reported no local address.");

    return {
      pageUrl: new URL('bench/table-page.html', origin).href,
      close: async () => {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
