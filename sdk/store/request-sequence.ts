/**
 * Numbers the requests of one kind so that only the response to the latest one is applied,
 * and a response that arrives after a newer request was sent is discarded.
 */
export class RequestSequence {
  #latest = 0;

  /** Starts a request and returns its number. */
  next(): number {
    return ++this.#latest;
  }

  /** Tells whether `request` is still the latest one started. */
  isLatest(request: number): boolean {
    return request === this.#latest;
  }
}
