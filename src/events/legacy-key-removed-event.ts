import type { Member } from '../../sdk/schemas/member.js';

/** A member's legacy API key was removed. Bubbles and crosses shadow roots. */
export class LsLegacyKeyRemovedEvent extends Event {
  static readonly eventName = 'ls-legacy-key-removed';

  /** The member after the change. */
  readonly member: Member;

  constructor(member: Member) {
    super(LsLegacyKeyRemovedEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-legacy-key-removed': LsLegacyKeyRemovedEvent;
  }
}
