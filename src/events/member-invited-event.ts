import type { Member } from '../../sdk/schemas/member.js';

/** A person was invited to the workspace. Bubbles and crosses shadow roots. */
export class LsMemberInvitedEvent extends Event {
  static readonly eventName = 'ls-member-invited';

  /** The new member, whose status is `invited`. */
  readonly member: Member;

  constructor(member: Member) {
    super(LsMemberInvitedEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-member-invited': LsMemberInvitedEvent;
  }
}
