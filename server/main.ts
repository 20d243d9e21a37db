/**
 * The reference API server (`npm run server`). Reads PORT (default 8787) and DATABASE_PATH
 * (default `.data/ls-admin.sqlite`), seeds the demo workspace on first start and writes the
 * demo credentials to `.data/demo-credentials.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { pino } from 'pino';

import { toDemoCredentialsFile } from './seed/demo-credentials-file.js';
import { hasDemoWorkspace, seedDemoWorkspace } from './seed/seed-demo-workspace.js';
import { startServer } from './start-server.js';

const DATA_DIRECTORY = '.data';
const CREDENTIALS_PATH = path.join(DATA_DIRECTORY, 'demo-credentials.json');

const logger = pino({ name: 'ls-admin', level: process.env.LOG_LEVEL ?? 'info' });

function readPort(): number {
  const text = process.env.PORT ?? '8787';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`PORT must be an integer from 0 to 65535, not "${text}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = readPort();
  const databasePath = process.env.DATABASE_PATH ?? path.join(DATA_DIRECTORY, 'ls-admin.sqlite');
  await mkdir(DATA_DIRECTORY, { recursive: true });

  const server = await startServer({ databasePath, port, hostname: process.env.HOST, logger });
  logger.info({ url: server.url, databasePath }, 'server started');

  if (!hasDemoWorkspace(server.database)) {
    const credentials = await seedDemoWorkspace(server.database);
    // The file holds session tokens, so only the owner may read it.
    await writeFile(
      CREDENTIALS_PATH,
      `${JSON.stringify(toDemoCredentialsFile(server.url, credentials), null, 2)}\n`,
      { mode: 0o600 },
    );
    logger.info(
      { workspaceId: credentials.workspaceId, credentialsPath: CREDENTIALS_PATH },
      'seeded the demo workspace; its session tokens are in the credentials file',
    );
  } else {
    logger.info({ credentialsPath: CREDENTIALS_PATH }, 'demo workspace present');
  }

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

main().catch((error: unknown) => {
  logger.error({ err: error }, 'server failed to start');
  process.exit(1);
});
