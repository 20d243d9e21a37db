/** How many failures a key may have within a sliding window. */
export interface FailureLimit {
  /** The number of failures within `windowMs` after which the key is blocked. */
  maxFailures: number;
  /** The length of the sliding window, in milliseconds. */
  windowMs: number;
}

/**
 * Counts failures per key in a sliding window. Once a key has `maxFailures` failures within
 * the last `windowMs`, it is blocked until the oldest of them leaves the window. Memory stays
 * bounded: each key keeps at most `maxFailures` timestamps, and past `maxKeys` keys the key
 * whose last failure is oldest is forgotten first.
 */
export class FailureLimiter {
  readonly #limit: FailureLimit;
  readonly #now: () => number;
  readonly #maxKeys: number;
  /** Failure times per key, oldest first. Map order is the order of each key's last failure. */
  readonly #failures = new Map<string, number[]>();

  /** `now` returns the current time in milliseconds, such as `Date.now`. */
  constructor(limit: FailureLimit, now: () => number, maxKeys = 10_000) {
    if (!Number.isInteger(limit.maxFailures) || limit.maxFailures < 1) {
      throw new RangeError(
        `maxFailures must be an integer of at least 1, not ${limit.maxFailures}.`,
      );
    }
    if (!(limit.windowMs > 0)) {
      throw new RangeError(
        `windowMs must be a positive number of milliseconds, not ${limit.windowMs}.`,
      );
    }
    this.#limit = limit;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Returns how many milliseconds `key` stays blocked, or 0 when it may be tried now. */
  blockedForMs(key: string): number {
    const times = this.#recentFailures(key);
    if (times.length < this.#limit.maxFailures) return 0;
    const oldest = times[0] ?? this.#now();
    return Math.max(oldest + this.#limit.windowMs - this.#now(), 1);
  }

  /** Records a failure of `key`, and returns whether the key is now blocked. */
  recordFailure(key: string): boolean {
    const times = this.#recentFailures(key);
    times.push(this.#now());
    if (times.length > this.#limit.maxFailures) times.shift();

    // Deleting and setting again moves the key to the end of the map's order.
    this.#failures.delete(key);
    this.#failures.set(key, times);
    for (const staleKey of this.#failures.keys()) {
      if (this.#failures.size <= this.#maxKeys) break;
      this.#failures.delete(staleKey);
    }
    return times.length >= this.#limit.maxFailures;
  }

  /** Clears the failures of `key`. */
  reset(key: string): void {
    this.#failures.delete(key);
  }

  /** The number of keys with failures in memory; at most `maxKeys`. */
  get size(): number {
    return this.#failures.size;
  }

  /** Returns the key's failures within the window, dropping older ones from memory. */
  #recentFailures(key: string): number[] {
    const times = this.#failures.get(key);
    if (times === undefined) return [];
    const windowStart = this.#now() - this.#limit.windowMs;
    while (times.length > 0 && (times[0] ?? 0) <= windowStart) times.shift();
    if (times.length === 0) this.#failures.delete(key);
    return times;
  }
}
