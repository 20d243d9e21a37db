import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import type { StartupMessage } from '../../../server/startup-message.js';

const MAIN = fileURLToPath(new URL('../../../server/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** How long `server/main.ts` may take to start; tsx compiles the server on the way. */
const START_TIMEOUT_MS = 30_000;

/** A `server/main.ts` process and the startup message it sent over IPC. */
export interface MainProcess {
  message: StartupMessage;
  /** Sends SIGTERM, unless the process has exited, and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `server/main.ts` as `npm run server` does, in `cwd` (where it creates `.data/`) with
 * extra environment variables, and waits for its startup message over IPC.
 */
export async function startMainProcess(
  cwd: string,
  env: Record<string, string>,
): Promise<MainProcess> {
  const child = fork(MAIN, {
    cwd,
    execArgv: ['--import', TSX],
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGTERM'), START_TIMEOUT_MS);
  try {
    const message = await Promise.race([
      once(child, 'message').then(([first]) => first as StartupMessage),
      exited.then(([code]) => {
        throw new Error(
          `server/main.ts exited with code ${String(code)} before it sent a startup message.`,
        );
      }),
    ]);
    return {
      message,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
