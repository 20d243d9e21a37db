/**
 * A request started by an element failed. The element shows the message too; hosts listen to
 * log the error or, for an `HttpError` with status 401, to sign the user in again.
 * Bubbles and crosses shadow roots.
 */
export class LsErrorEvent extends Event {
  static readonly eventName = 'ls-error';

  /** The error, usually one of the SDK's typed errors such as `HttpError`. */
  readonly error: unknown;

  /** What the element was doing, such as `invite` or `assign-license`. */
  readonly action: string;

  constructor(error: unknown, action: string) {
    super(LsErrorEvent.eventName, { bubbles: true, composed: true });
    this.error = error;
    this.action = action;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-error': LsErrorEvent;
  }
}
