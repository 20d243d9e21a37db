import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';
import type { HttpBindings, ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

import type { AppEnv } from './http/app-env.js';
import { respondToClientError } from './client-error-response.js';
import { createApp } from './http/create-app.js';
import type { CredentialLimits } from './http/credential-attempts.js';
import type { Logger } from './logger.js';
import { WorkspaceEventHub } from './service/workspace-events.js';
import { silentLogger } from './logger.js';
import { openBetterSqliteDatabase } from './storage/better-sqlite3-database.js';
import { applySchema } from './storage/schema.js';
import type { SqlDatabase } from './storage/sql-database.js';

/** Options of `startServer`. */
export interface StartServerOptions {
  /** A SQLite file, or `:memory:` for a database that lives as long as the server. */
  databasePath: string;
  /** The TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** The address to listen on. Default `127.0.0.1`, so only this machine can connect. */
  hostname?: string;
  /** The clock for timestamps and expiry. Default: the system clock. */
  now?: () => Date;
  logger?: Logger;
  /** Failed-credential limits. Default: `DEFAULT_CREDENTIAL_LIMITS`. */
  credentialLimits?: CredentialLimits;
  /** Milliseconds between heartbeat comments of an idle event stream. Default 15000. */
  eventHeartbeatMs?: number;
}

/** A running reference server. */
export interface RunningServer {
  /** The origin the server listens on, such as `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** The open database, with the schema applied; seed it or inspect it directly. */
  database: SqlDatabase;
  app: Hono<AppEnv>;
  /** The hub that publishes changes to the event streams; tests count its subscribers. */
  events: WorkspaceEventHub;
  /**
   * Ends the open event streams, stops accepting connections, waits for open ones to end,
   * then closes the database.
   */
  close(): Promise<void>;
}

/** Opens the database, applies the schema and serves the API over HTTP under Node. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const database = openBetterSqliteDatabase(options.databasePath, options.now);
  applySchema(database);
  const events = new WorkspaceEventHub();
  const app = createApp({
    database,
    events,
    eventHeartbeatMs: options.eventHeartbeatMs,
    now: options.now,
    logger: options.logger,
    credentialLimits: options.credentialLimits,
    // The socket's peer address. A request passed to app.fetch directly has no socket, and
    // then every such request shares one address.
    // NOTE: behind a reverse proxy this is the proxy's address, so all clients share one
    // per-address limit. Pass createApp a clientAddress that reads the proxy's header then.
    clientAddress: (c) =>
      (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress,
  });
  const hostname = options.hostname ?? '127.0.0.1';

  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) =>
    respondToClientError(error, socket, options.logger ?? silentLogger),
  );

  const { port } = server.address() as AddressInfo;
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${port}`,
    port,
    database,
    app,
    events,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // An event stream never ends by itself. Closing the hub ends each one with the end of
        // its response, which is written within the same turn of the event loop.
        events.close();
        server.close((error) => {
          database.close();
          if (error) reject(error);
          else resolve();
        });
        // Keep-alive connections would hold close() open until they time out. They are closed
        // on the next turn, after the event streams wrote their ends.
        setImmediate(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
      }),
  };
}
