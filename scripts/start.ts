/**
 * Starts the reference API server and Vite's dev server for the demo page (`npm start`).
 * The server runs as a child process (the same as `npm run server`) on PORT, default 8787,
 * and reports over an IPC channel once it listens and has written the demo credentials.
 * Vite listens on VITE_PORT, default 5173, or the next free port, proxies `/v1` to the server
 * and serves the demo credentials (see vite.config.ts). Ctrl-C stops both.
 */
import { fork } from 'node:child_process';
import { access } from 'node:fs/promises';

import { createServer, type ViteDevServer } from 'vite';

import type { StartupMessage } from '../server/startup-message.js';

const port = process.env.PORT ?? '8787';
const startupTimeoutMs = 60_000;

process.env.PORT = port;

const server = fork('server/main.ts', {
  execArgv: ['--import', 'tsx'],
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: process.env,
});

let vite: ViteDevServer | undefined;
let stopping = false;
/** Set when the server reported the reason it failed, so its exit needs no second message. */
let failureReported = false;

async function stop(exitCode: number): Promise<never> {
  stopping = true;
  await vite?.close();
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  process.exit(exitCode);
}

/** Waits for the server's startup message; resolves to undefined when the server exits first. */
function waitForServer(): Promise<StartupMessage | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `The reference server did not report that it was ready on port ${port} within ` +
            `${startupTimeoutMs / 1000} s. Check its output above.`,
        ),
      );
    }, startupTimeoutMs);
    server.once('message', (message: StartupMessage) => {
      clearTimeout(timer);
      resolve(message);
    });
    server.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
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
server.once('exit', (code, signal) => {
  if (stopping || failureReported) return;
  const exitCode = code ?? (signal ? 1 : 0);
  console.error(`The reference server exited with code ${exitCode}; stopping the demo.`);
  void stop(exitCode === 0 ? 1 : exitCode);
});

try {
  const message = await waitForServer();
  if (message?.type === 'failed') {
    failureReported = true;
    console.error(`\nls-admin demo not started: ${message.detail}`);
    await stop(1);
  } else if (message?.type === 'ready') {
    if (!(await exists(message.credentialsPath))) {
      throw new Error(
        `The reference server is up at ${message.url}, but ${message.credentialsPath} is ` +
          'missing, so the demo page cannot sign in. Check the server output above.',
      );
    }
    // The IPC channel is only for startup; without it, the server runs like `npm run server`.
    server.disconnect();
    await startVite(message.url);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}

async function startVite(apiUrl: string): Promise<void> {
  vite = await createServer({ configFile: 'vite.config.ts' });
  await vite.listen();
  console.log(`\nls-admin demo: the reference server is on ${apiUrl}, the demo page on:`);
  vite.printUrls();
}
