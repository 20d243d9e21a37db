/** A function that the store calls with the new state after each change. */
export type StateListener<State> = (state: State) => void;

/**
 * Reports an error that a listener threw. The default hands it to the platform's
 * `reportError` where there is one (browsers), or rethrows it from a fresh task, so it shows
 * up as an uncaught error without stopping the other listeners.
 */
export type ListenerErrorHandler = (error: unknown) => void;

export function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    report(error);
    return;
  }
  setTimeout(() => {
    throw error;
  });
}

/** The subscribers of a store, notified in subscription order. */
export class ListenerSet<State> {
  readonly #listeners = new Set<StateListener<State>>();
  readonly #onError: ListenerErrorHandler;

  constructor(onError: ListenerErrorHandler = reportListenerError) {
    this.#onError = onError;
  }

  /** Adds a listener and returns a function that removes it; calling that twice is harmless. */
  add(listener: StateListener<State>): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError('subscribe needs a function, called with the new state on each change.');
    }
    // A wrapper makes each subscription its own entry, so subscribing the same function
    // twice and unsubscribing once leaves the other subscription in place.
    const entry: StateListener<State> = (state) => listener(state);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /**
   * Calls every listener with `state`. A listener that throws does not stop the others,
   * and one added or removed during the call takes effect from the next notification.
   */
  notify(state: State): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}
