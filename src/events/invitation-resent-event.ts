import type { Member } from '../../sdk/schemas/member.js';

/** A pending invitation was sent again. Bubbles and crosses shadow roots. */
export class LsInvitationResentEvent extends Event {
  static readonly eventName = 'ls-invitation-resent';

  /** The invited member, with the new expiry. */
  readonly member: Member;

  constructor(member: Member) {
    super(LsInvitationResentEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-invitation-resent': LsInvitationResentEvent;
  }
}
