import type { TokenProvider } from './workspace-client.js';

/** A token as handed to one request, with the refresh generation it belongs to. */
export interface IssuedToken {
  value: string;
  generation: number;
}

/**
 * Hands out the session token for each request and refreshes it after a 401.
 *
 * Requests that fail with 401 at about the same time share one refresh. A request sent
 * before the latest refresh finished is replayed with the refreshed token instead of
 * calling the provider again. A request that fails while a refresh runs waits for it.
 */
export class SessionTokens {
  readonly #fixed: string | null;
  readonly #provider: TokenProvider | null;
  #generation = 0;
  #latest: string | null = null;
  #refreshing: Promise<string> | null = null;

  constructor(token: string | null, provider: TokenProvider | null) {
    this.#fixed = token;
    this.#provider = provider;
  }

  /** Returns the token for a new request, asking the provider each time when there is one. */
  async current(): Promise<IssuedToken> {
    // The generation is read before the provider runs, so a refresh that finishes while the
    // provider is pending makes a 401 on this request reuse the refreshed token.
    const generation = this.#generation;
    if (this.#provider === null) return { value: this.#fixed ?? '', generation };
    return { value: await this.#ask(this.#provider), generation };
  }

  /**
   * Returns a token to replay a request that was rejected with 401 while using `stale`,
   * or `null` when a fixed token cannot be refreshed.
   */
  async refresh(stale: IssuedToken): Promise<string | null> {
    const provider = this.#provider;
    if (provider === null) return null;
    if (stale.generation < this.#generation && this.#latest !== null) return this.#latest;

    this.#refreshing ??= this.#ask(provider)
      .then((value) => {
        this.#latest = value;
        this.#generation++;
        return value;
      })
      .finally(() => {
        this.#refreshing = null;
      });
    return this.#refreshing;
  }

  async #ask(provider: TokenProvider): Promise<string> {
    const value: unknown = await provider();
    if (typeof value === 'string' && value !== '') return value;
    throw new TypeError(
      `getToken returned ${value === '' ? 'an empty string' : typeof value}; ` +
        'return the session token as a non-empty string, or a promise of one.',
    );
  }
}
