import type { WorkspaceClient } from '../client/workspace-client.js';
import { readWorkspaceEvents, type WorkspaceEvent } from '../client/workspace-event-reader.js';
import { isHttpError } from '../errors/http-error.js';
import type { ResponseValidationError } from '../errors/response-validation-error.js';

/**
 * The state of a store's event stream. It is `off` when the stream is not wanted or failed for
 * good, `connecting` during the first attempt and `open` while events arrive. It is
 * `reconnecting` while the store waits for or makes another attempt after the stream ended or
 * failed.
 */
export type LiveStatus = 'off' | 'connecting' | 'open' | 'reconnecting';

/** The wait before the first reconnection attempt, in milliseconds, before jitter. */
export const FIRST_RECONNECT_DELAY_MS = 1000;
/** The maximum wait between two reconnection attempts, in milliseconds, before jitter. */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/** The callbacks through which a `LiveConnection` reports to its owner. */
export interface LiveConnectionHandlers {
  onEvent(event: WorkspaceEvent): void;
  /** Called when the status changes, with the failure that caused it or `null`. */
  onStatus(status: LiveStatus, error: Error | null): void;
  onInvalidEvent(error: ResponseValidationError): void;
}

/**
 * Keeps a workspace's event stream open: connects, reads events, and after the stream ends or
 * fails waits about 1 s, doubling up to about 30 s, with ±25 % jitter so that many pages
 * that lost one server do not all return at the same moment. Each attempt resumes after the
 * last event id received. A 401 that the token refresh did not cure, a 403, a 404 or another
 * 4xx other than 408 and 429 stops it, because retrying would fail the same way.
 */
export class LiveConnection {
  readonly #client: WorkspaceClient;
  readonly #handlers: LiveConnectionHandlers;
  #lastEventId: string | null = null;
  #controller: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;

  constructor(client: WorkspaceClient, handlers: LiveConnectionHandlers) {
    this.#client = client;
    this.#handlers = handlers;
  }

  /** The id of the last event received, which the next connection resumes after. */
  get lastEventId(): string | null {
    return this.#lastEventId;
  }

  /** Whether the connection is open or trying to open. */
  get running(): boolean {
    return this.#controller !== null;
  }

  /** Opens the stream, unless it is already open or trying to open. */
  start(): void {
    if (this.#controller !== null) return;
    this.#attempt = 0;
    void this.#connect('connecting');
  }

  /** Closes the stream and cancels any reconnection. */
  stop(): void {
    if (this.#controller === null) return;
    this.#controller.abort();
    this.#controller = null;
    clearTimeout(this.#timer);
    this.#handlers.onStatus('off', null);
  }

  async #connect(status: LiveStatus): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#handlers.onStatus(status, null);
    const current = () => this.#controller === controller;

    let failure: Error | null = null;
    try {
      const response = await this.#client.openEventStream({
        lastEventId: this.#lastEventId,
        signal: controller.signal,
      });
      if (!current()) {
        await response.body?.cancel();
        return;
      }
      this.#attempt = 0;
      this.#handlers.onStatus('open', null);
      await readWorkspaceEvents(response, {
        signal: controller.signal,
        onEvent: (event) => {
          if (current()) this.#handlers.onEvent(event);
        },
        onLastEventId: (id) => {
          if (current()) this.#lastEventId = id;
        },
        onInvalidEvent: (error) => {
          if (current()) this.#handlers.onInvalidEvent(error);
        },
      });
    } catch (error) {
      if (!current()) return;
      failure = error instanceof Error ? error : new Error(String(error));
      if (isFinal(error)) {
        this.#controller = null;
        this.#handlers.onStatus('off', failure);
        return;
      }
    }
    if (!current()) return;

    this.#handlers.onStatus('reconnecting', failure);
    this.#timer = setTimeout(() => {
      if (current()) void this.#connect('reconnecting');
    }, this.#nextDelay());
    // Under Node, a pending reconnection alone keeps no process running.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #nextDelay(): number {
    const base = Math.min(MAX_RECONNECT_DELAY_MS, FIRST_RECONNECT_DELAY_MS * 2 ** this.#attempt);
    this.#attempt += 1;
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }
}

/** Tells whether a failure to open the stream would repeat on every retry. */
function isFinal(error: unknown): boolean {
  if (!isHttpError(error)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}
