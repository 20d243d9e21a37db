/** The signed-in user rotated their own auth token. Bubbles and crosses shadow roots. */
export class LsAuthTokenRotatedEvent extends Event {
  static readonly eventName = 'ls-auth-token-rotated';

  /** The masked hint of the new token; the full value is never in an event. */
  readonly hint: string;

  constructor(hint: string) {
    super(LsAuthTokenRotatedEvent.eventName, { bubbles: true, composed: true });
    this.hint = hint;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-auth-token-rotated': LsAuthTokenRotatedEvent;
  }
}
