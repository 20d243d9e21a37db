import { isHttpError } from '../errors/http-error.js';
import { createIdempotencyKey } from './idempotency-key.js';

/**
 * Remembers the `Idempotency-Key` of each create request that got no readable response, such
 * as after a timeout, a reset connection or a truncated body. The server may have acted on such
 * a request, so sending the same body again reuses its key, and the server replays its first
 * response instead of acting twice or reporting a conflict with its own earlier work.
 */
export class UnansweredRequests {
  readonly #keys = new Map<string, string>();

  /** Returns the key of an unanswered request with this body, or a fresh key. */
  keyFor(body: string): string {
    return this.#keys.get(body) ?? createIdempotencyKey();
  }

  /**
   * Records how a request ended. A response with a status outside 2xx means the server saved
   * nothing, because it records only successful responses for replay, so the key is dropped
   * with every other answer.
   */
  settle(body: string, key: string, error?: unknown): void {
    if (error === undefined || isHttpError(error)) this.#keys.delete(body);
    else this.#keys.set(body, key);
  }
}
