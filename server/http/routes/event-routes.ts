import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SSEStreamingApi } from 'hono/streaming';

import { ApiError } from '../../service/api-error.js';
import type { Logger } from '../../logger.js';
import type {
  EventSubscriber,
  PublishedEvent,
  WorkspaceEventHub,
} from '../../service/workspace-events.js';
import type { AppEnv } from '../app-env.js';

/** The default time between two heartbeat comments of an idle event stream. */
export const DEFAULT_HEARTBEAT_MS = 15_000;

/** The reconnection delay that the stream suggests to clients, in milliseconds. */
const RETRY_MS = 1000;

const MAX_EVENT_ID_LENGTH = 64;

/** Options of `eventRoutes`. */
export interface EventRouteOptions {
  hub: WorkspaceEventHub;
  /** Milliseconds between heartbeat comments, which keep proxies from closing an idle stream. */
  heartbeatMs: number;
}

/**
 * `GET /v1/workspaces/:workspaceId/events`: the workspace's changes as Server-Sent Events, for
 * every member who may list the members. A `Last-Event-ID` header, or the `lastEventId` query
 * parameter for clients that cannot set headers, resumes after that event.
 *
 * NOTE: the session is checked when the stream opens. A removed member's stream ends, but a
 * session that expires or is revoked keeps its open stream until the client reconnects.
 */
export function eventRoutes(options: EventRouteOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => {
    const { workspaceId, memberId } = c.get('viewer');
    const lastEventId = readLastEventId(c.req.header('Last-Event-ID'), c.req.query('lastEventId'));
    const logger = c.get('logger');
    // Proxies in the style of nginx buffer responses unless this header disables it, and a
    // buffer would hold events back until it fills.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, (stream) =>
      sendEvents(stream, options, { workspaceId, memberId, lastEventId }, logger),
    );
  });
}

function readLastEventId(
  header: string | undefined,
  query: string | undefined,
): string | undefined {
  const value = header ?? query;
  if (value === undefined || value === '') return undefined;
  if (value.length > MAX_EVENT_ID_LENGTH) {
    // The message names what the client sent: the header, or the query parameter.
    const name = header === undefined ? 'lastEventId' : 'Last-Event-ID';
    throw new ApiError(
      400,
      'validation_failed',
      `${name} must have at most ${MAX_EVENT_ID_LENGTH} characters, not ${value.length}. ` +
        'Send the id of the last event received, or none to start without catch-up.',
      [{ path: name, message: `Use at most ${MAX_EVENT_ID_LENGTH} characters.` }],
    );
  }
  return value;
}

/**
 * Writes the catch-up, then each new event as it is published, with a heartbeat comment
 * whenever the stream was idle for `heartbeatMs`. It returns, which ends the response, when
 * the client disconnects or the hub closes.
 */
async function sendEvents(
  stream: SSEStreamingApi,
  options: EventRouteOptions,
  caller: { workspaceId: string; memberId: string; lastEventId: string | undefined },
  logger: Logger,
): Promise<void> {
  const { workspaceId, lastEventId } = caller;
  const queue: PublishedEvent[] = [];
  let ended = false;
  let wake: () => void = () => {};
  const subscriber: EventSubscriber = {
    memberId: caller.memberId,
    deliver(event: PublishedEvent) {
      queue.push(event);
      wake();
    },
    close() {
      ended = true;
      wake();
    },
  };

  const subscription = options.hub.subscribe(workspaceId, lastEventId, subscriber);
  stream.onAbort(() => {
    ended = true;
    wake();
  });

  try {
    await stream.write(`retry: ${RETRY_MS}\n\n`);
    if (subscription.catchUp === 'reset') {
      logger.info({ workspaceId, lastEventId }, 'event stream cannot resume; sent reset');
      await stream.writeSSE({ event: 'reset', data: '{}', id: subscription.position });
    } else {
      for (const event of subscription.catchUp) await writeEvent(stream, event);
      // A frame with only an id sets the client's last event id without dispatching an event,
      // so a client that reconnects before any change still resumes from here.
      await stream.write(`id: ${subscription.position}\n\n`);
    }

    while (!ended && !stream.aborted) {
      const event = queue.shift();
      if (event !== undefined) {
        await writeEvent(stream, event);
        continue;
      }
      const woken = await waitForWake(options.heartbeatMs, (resolve) => {
        wake = resolve;
      });
      if (!woken && !ended) await stream.write(': heartbeat\n\n');
    }
  } finally {
    subscription.unsubscribe();
  }
}

function writeEvent(stream: SSEStreamingApi, event: PublishedEvent): Promise<void> {
  return stream.writeSSE({ event: event.type, data: event.data, id: event.id });
}

/** Resolves `true` when woken, or `false` after `ms` milliseconds. */
function waitForWake(ms: number, register: (wake: () => void) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    register(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
