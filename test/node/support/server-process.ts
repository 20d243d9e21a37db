import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./file-server-process.ts', import.meta.url));

/** How long a server process may take to start; tsx compiles the server on the way. */
const START_TIMEOUT_MS = 30_000;

/** A reference server running in a child process. */
export interface ServerProcess {
  url: string;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
  /** Sends SIGKILL, which ends the process at once without cleanup, and waits for it to exit. */
  kill(): Promise<void>;
}

/** Starts a reference server in a child process on an existing SQLite file. */
export async function startServerProcess(databasePath: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, databasePath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');

  const lines = createInterface({ input: child.stdout });
  const timer = setTimeout(() => child.kill('SIGTERM'), START_TIMEOUT_MS);
  try {
    for await (const line of lines) {
      const { url } = JSON.parse(line) as { url: string };
      return {
        url,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
        async kill() {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      };
    }
  } finally {
    clearTimeout(timer);
  }
  const [code] = await exited;
  throw new Error(
    `The server process for ${databasePath} exited with code ${code} before it ` +
      'printed its URL; its error output is above.',
  );
}
