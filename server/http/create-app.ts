import { Hono } from 'hono';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { ApiError } from '../service/api-error.js';
import { noSeatsError } from '../service/licenses.js';
import { randomToken } from '../service/secrets.js';
import { WorkspaceEventHub } from '../service/workspace-events.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import { SEAT_LIMIT_MESSAGE } from '../storage/schema.js';
import type { AppEnv } from './app-env.js';
import { requireSession, requireWorkspaceMember } from './authentication.js';
import type { CredentialLimits } from './credential-attempts.js';
import { CredentialAttempts, DEFAULT_CREDENTIAL_LIMITS } from './credential-attempts.js';
import { buildOpenApiDocument } from './openapi.js';
import { apiErrorResponse, buildProblem, problemResponse } from './problem-response.js';
import { activationRoutes, ownTokenRoutes } from './routes/credential-routes.js';
import { DEFAULT_HEARTBEAT_MS, eventRoutes } from './routes/event-routes.js';
import { acceptInvitationRoutes, invitationRoutes } from './routes/invitation-routes.js';
import { memberRoutes } from './routes/member-routes.js';
import { workspaceRoutes } from './routes/workspace-routes.js';

/** Options of `createApp`. */
export interface AppOptions {
  /** The database, with the schema applied (`applySchema`). */
  database: SqlDatabase;
  /** The clock for timestamps and expiry. Default: the system clock. */
  now?: () => Date;
  /** Where requests and errors are logged. Default: nowhere. */
  logger?: Logger;
  /** Limits of failed credentials. Default: `DEFAULT_CREDENTIAL_LIMITS`. */
  credentialLimits?: CredentialLimits;
  /**
   * Returns the client's IP address for the per-address limit. Default: none, so that every
   * request shares one address. Behind a reverse proxy, return the address the proxy reports.
   */
  clientAddress?: (context: Context<AppEnv>) => string | undefined;
  /**
   * Publishes the workspaces' changes to their event streams. Default: a new hub. Pass one to
   * close the open streams with `hub.close()` before the server stops.
   */
  events?: WorkspaceEventHub;
  /** Milliseconds between heartbeat comments of an idle event stream. Default 15000. */
  eventHeartbeatMs?: number;
}

/**
 * Creates the API as a Hono app. It is a plain fetch handler (`app.fetch(request)`), so the
 * same app runs under Node and, with a sql.js database, inside a browser.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const events = options.events ?? new WorkspaceEventHub();
  const service = { db: options.database, now: options.now ?? (() => new Date()), events };
  const logger = options.logger ?? silentLogger;
  const credentialAttempts = new CredentialAttempts(
    options.credentialLimits ?? DEFAULT_CREDENTIAL_LIMITS,
    () => service.now().getTime(),
    logger,
  );
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const requestId = randomToken(12);
    const started = performance.now();
    c.set('requestId', requestId);
    c.set('service', service);
    c.set('logger', logger);
    c.set('credentialAttempts', credentialAttempts);
    c.set('clientAddress', options.clientAddress?.(c) ?? 'unknown');

    await next();

    c.res.headers.set('X-Request-Id', requestId);
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.get('/v1/openapi.json', (c) => c.json(buildOpenApiDocument()));
  app.route('/v1/invitations', acceptInvitationRoutes);
  app.route('/v1/license', activationRoutes);

  app.use('/v1/me/*', requireSession);
  app.route('/v1/me', ownTokenRoutes);

  // The wildcard also matches `/v1/workspaces/:workspaceId` itself, so one registration covers
  // both. Registering that path as well would authenticate those requests twice.
  app.use('/v1/workspaces/:workspaceId/*', requireSession, requireWorkspaceMember);
  app.route('/v1/workspaces/:workspaceId', workspaceRoutes);
  app.route('/v1/workspaces/:workspaceId/members', memberRoutes);
  app.route('/v1/workspaces/:workspaceId/invitations', invitationRoutes);
  app.route(
    '/v1/workspaces/:workspaceId/events',
    eventRoutes({ hub: events, heartbeatMs: options.eventHeartbeatMs ?? DEFAULT_HEARTBEAT_MS }),
  );

  app.notFound((c) =>
    problemResponse(
      buildProblem(404, 'not_found', `No route matches ${c.req.method} ${c.req.path}.`),
    ),
  );

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof ApiError) {
      if (error.status >= 500) logger.error({ requestId, err: error }, error.detail);
      return apiErrorResponse(error);
    }
    // The seat-limit triggers raise this when a write slipped past the service's own check.
    if (error instanceof Error && error.message === SEAT_LIMIT_MESSAGE) {
      logger.warn({ requestId }, 'seat-limit trigger rejected an assignment');
      return apiErrorResponse(noSeatsError('the requested pool'));
    }
    if (error instanceof HTTPException) {
      return problemResponse(buildProblem(error.status, 'validation_failed', error.message));
    }

    logger.error({ requestId, err: error }, 'request failed');
    return problemResponse(
      buildProblem(
        500,
        'internal_error',
        `The server failed to handle the request. Quote request id ${requestId} when reporting it.`,
      ),
    );
  });

  return app;
}
