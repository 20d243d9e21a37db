import type { UnauthorizedError } from '../../sdk/errors/unauthorized-error.js';

/**
 * The API rejected the session token, also after the token provider was asked for a new one.
 * Fired once for each burst of rejected requests on a workspace store, not once per request,
 * and again only after a request has succeeded in between. Sign the user in again, then set
 * a new `token` on `<ls-workspace>`, or have `getToken` return the new token and call
 * `store.refresh()`. Bubbles and crosses shadow roots.
 */
export class LsUnauthorizedEvent extends Event {
  static readonly eventName = 'ls-unauthorized';

  /** The first rejected request's error, with its method, URL and the server's `detail`. */
  readonly error: UnauthorizedError;

  constructor(error: UnauthorizedError) {
    super(LsUnauthorizedEvent.eventName, { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-unauthorized': LsUnauthorizedEvent;
  }
}
