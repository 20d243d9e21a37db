import type { core, ZodMiniType } from 'zod/mini';

import { LsAdminError } from '../errors/ls-admin-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { Member } from '../schemas/member.js';
import { EmptyEventData, MemberRemovedEventData } from '../schemas/workspace-event.js';
import { EventStreamParser, type ParsedEvent } from './event-stream-parser.js';

/** A change in the workspace, read from its event stream. */
export type WorkspaceEvent =
  /** A member was invited, changed or joined; `member` is the member as the API returns it. */
  | { type: 'member'; id: string; member: Member }
  /** A member was removed, or their invitation revoked. */
  | { type: 'member-removed'; id: string; memberId: string }
  /** Seats or the active-license count changed; read the licenses again. */
  | { type: 'licenses'; id: string }
  /** The client missed events that the server no longer has; read everything again. */
  | { type: 'reset'; id: string };

/** The callbacks that `readWorkspaceEvents` calls while it reads a stream. */
export interface WorkspaceEventHandlers {
  onEvent(event: WorkspaceEvent): void;
  /**
   * Called with each new last event id, also one that arrives without an event. Pass the
   * latest one to `openEventStream` when reconnecting.
   */
  onLastEventId?(lastEventId: string): void;
  /**
   * Called for an event of a known type whose data does not match the contract. The event is
   * skipped and the stream goes on.
   */
  onInvalidEvent?(error: ResponseValidationError): void;
  /**
   * Stops reading and cancels the body, which ends the stream also where aborting the request
   * does not reach a body that has arrived, as with an in-page server's response.
   */
  signal?: AbortSignal;
}

type EventDecoder = (event: ParsedEvent) => WorkspaceEvent | core.$ZodIssue[];

/**
 * Reads the body of an event stream that `WorkspaceClient.openEventStream` opened, until the
 * server ends it or `handlers.signal` aborts (resolves) or the connection fails (rejects with
 * `NetworkError`). Events of types that this version does not know are ignored.
 */
export async function readWorkspaceEvents(
  response: Response,
  handlers: WorkspaceEventHandlers,
): Promise<void> {
  // A response that an in-page server created has no URL.
  const url = response.url || 'the event stream';
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^text\/event-stream\b/i.test(contentType) || response.body === null) {
    await response.body?.cancel();
    throw new LsAdminError(
      `GET ${url} returned ${response.status} with ${contentType || 'no content type'}, not ` +
        'text/event-stream. Check that the server and any proxy in front of it pass event ' +
        'streams through.',
    );
  }

  const parser = new EventStreamParser({
    onLastEventId: (id) => handlers.onLastEventId?.(id),
    onEvent: (parsed) => {
      if (!Object.hasOwn(DECODERS, parsed.type)) return;
      const decode = DECODERS[parsed.type] as EventDecoder;

      const result = decode(parsed);
      if (!Array.isArray(result)) {
        handlers.onEvent(result);
        return;
      }
      handlers.onInvalidEvent?.(
        new ResponseValidationError({
          method: 'GET',
          url,
          status: response.status,
          expected: `${parsed.type} event`,
          issues: result,
        }),
      );
    },
  });

  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  if (handlers.signal?.aborted) cancel();
  handlers.signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
  } catch (error) {
    if (handlers.signal?.aborted) return;
    throw new NetworkError('GET', url, error);
  } finally {
    handlers.signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
  parser.end();
}

/** Parses JSON data and checks it against a schema, returning the issues when it fails. */
function parseData<T>(schema: ZodMiniType<T>, data: string): T | core.$ZodIssue[] {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return [{ code: 'custom', path: [], message: 'The data is not valid JSON.', input: data }];
  }
  const result = schema.safeParse(json);
  return result.success ? result.data : result.error.issues;
}

const DECODERS: Record<string, EventDecoder | undefined> = {
  member(event) {
    const member = parseData(Member, event.data);
    return Array.isArray(member) ? member : { type: 'member', id: event.lastEventId, member };
  },
  'member-removed'(event) {
    const data = parseData(MemberRemovedEventData, event.data);
    if (Array.isArray(data)) return data;
    return { type: 'member-removed', id: event.lastEventId, memberId: data.memberId };
  },
  licenses(event) {
    const data = parseData(EmptyEventData, event.data);
    return Array.isArray(data) ? data : { type: 'licenses', id: event.lastEventId };
  },
  reset(event) {
    const data = parseData(EmptyEventData, event.data);
    return Array.isArray(data) ? data : { type: 'reset', id: event.lastEventId };
  },
};
