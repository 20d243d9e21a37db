/**
 * A reference server in a process of its own, for tests where several processes share one
 * SQLite file. Run it as `node --import tsx file-server-process.ts <database path>`: it prints
 * `{"url":"…"}` on one stdout line once it listens and stops on SIGTERM.
 */
import { startServer } from '../../../server/start-server.js';

const databasePath = process.argv[2];
if (databasePath === undefined) {
  throw new TypeError('Pass the SQLite file as the first argument.');
}

const server = await startServer({ databasePath });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
