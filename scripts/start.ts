/**
 * Starts the reference API server and Vite's dev server for the demo page (`npm start`).
 * The server runs as a child process (the same as `npm run server`) on PORT, default 8787;
 * Vite proxies `/v1` to it and serves the demo credentials (see vite.config.ts).
 * Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

import { createServer, type ViteDevServer } from 'vite';

const port = process.env.PORT ?? '8787';
const apiUrl = `http://127.0.0.1:${port}`;
const credentialsPath = '.data/demo-credentials.json';
const startupTimeoutMs = 60_000;

process.env.PORT = port;

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: process.env,
});
const serverExit = new Promise<number>((resolve) => {
  server.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

let vite: ViteDevServer | undefined;
let stopping = false;

async function stop(exitCode: number): Promise<never> {
  stopping = true;
  await vite?.close();
  stopChild(server);
  process.exit(exitCode);
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

/**
 * Polls the server until it responds and has written the demo credentials. Returns false when
 * the server exited first, which the exit handler below reports.
 */
async function waitForServer(): Promise<boolean> {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) return false;
    if ((await respondsOk(`${apiUrl}/v1/openapi.json`)) && (await exists(credentialsPath))) {
      return true;
    }
    await delay(250);
  }
  throw new Error(
    `The reference server did not respond at ${apiUrl} within ${startupTimeoutMs / 1000} s. ` +
      'Check its output above, or set PORT to a free port.',
  );
}

async function respondsOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// The server exiting on its own, at startup or later, ends the demo with its exit code.
void serverExit.then((code) => {
  if (stopping) return;
  console.error(`The reference server exited with code ${code}; stopping the demo.`);
  void stop(code === 0 ? 1 : code);
});

try {
  const ready = await waitForServer();
  if (ready) await startVite();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}

async function startVite(): Promise<void> {
  vite = await createServer({ configFile: 'vite.config.ts' });
  await vite.listen();
  console.log(`\nls-admin demo: the reference server is on ${apiUrl}, the demo page on:`);
  vite.printUrls();
}
