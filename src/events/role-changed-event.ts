import type { Member } from '../../sdk/schemas/member.js';

/** A member's role or advanced permissions changed. Bubbles and crosses shadow roots. */
export class LsRoleChangedEvent extends Event {
  static readonly eventName = 'ls-role-changed';

  /** The member after the change. */
  readonly member: Member;

  /** The member before the change. */
  readonly previous: Member;

  constructor(member: Member, previous: Member) {
    super(LsRoleChangedEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
    this.previous = previous;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-role-changed': LsRoleChangedEvent;
  }
}
