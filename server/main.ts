/**
 * The reference API server (`npm run server`). Reads PORT (default 8787) and DATABASE_PATH
 * (default `.data/ls-admin.sqlite`), seeds the demo workspace on first start and writes the
 * demo credentials to `.data/demo-credentials.json`.
 */
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

import { pino } from 'pino';

import type { DemoCredentialsOutcome } from './seed/ensure-demo-credentials-file.js';
import { ensureDemoCredentialsFile } from './seed/ensure-demo-credentials-file.js';
import type { RunningServer, StartServerOptions } from './start-server.js';
import { startServer } from './start-server.js';
import { reportStartup } from './startup-message.js';

const DATA_DIRECTORY = '.data';
const CREDENTIALS_PATH = path.join(DATA_DIRECTORY, 'demo-credentials.json');

const CREDENTIALS_MESSAGES: Record<DemoCredentialsOutcome, string> = {
  seeded: 'seeded the demo workspace; its session tokens are in the credentials file',
  reissued:
    'the credentials file was missing or its sessions expired; wrote it with new demo session tokens',
  updated: 'demo workspace present; the credentials file has the current baseUrl',
};

const logger = pino({ name: 'ls-admin', level: process.env.LOG_LEVEL ?? 'info' });

function readPort(): number {
  const text = process.env.PORT ?? '8787';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`PORT must be an integer from 0 to 65535, not "${text}".`);
  }
  return port;
}

/** Starts the server, and rethrows a busy port as an error that names the port and the fix. */
async function listen(options: StartServerOptions & { port: number }): Promise<RunningServer> {
  try {
    return await startServer(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new PortInUseError(
      `Port ${options.port} is already in use, perhaps by another ls-admin server. ` +
        'Stop the other instance or set PORT to a free port.',
      { cause: error },
    );
  }
}

class PortInUseError extends Error {}

async function main(): Promise<void> {
  const port = readPort();
  const databasePath = process.env.DATABASE_PATH ?? path.join(DATA_DIRECTORY, 'ls-admin.sqlite');
  // The directory contains session tokens and invitation links, so only the owner may enter it.
  await mkdir(DATA_DIRECTORY, { recursive: true, mode: 0o700 });
  await chmod(DATA_DIRECTORY, 0o700);

  const server = await listen({ databasePath, port, hostname: process.env.HOST, logger });
  logger.info({ url: server.url, databasePath }, 'server started');

  const outcome = await ensureDemoCredentialsFile(server.database, {
    path: CREDENTIALS_PATH,
    baseUrl: server.url,
  });
  logger.info({ credentialsPath: CREDENTIALS_PATH }, CREDENTIALS_MESSAGES[outcome]);
  await reportStartup({ type: 'ready', url: server.url, credentialsPath: CREDENTIALS_PATH });

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  if (error instanceof PortInUseError) {
    logger.error({}, error.message);
  } else {
    logger.error({ err: error }, 'server failed to start');
  }
  const detail = error instanceof Error ? error.message : String(error);
  await reportStartup({ type: 'failed', detail });
  process.exit(1);
});
