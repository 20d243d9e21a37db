import type { Member } from '../../sdk/schemas/member.js';

/**
 * A member was removed from the workspace, or a pending invitation was revoked. Bubbles and
 * crosses shadow roots.
 */
export class LsMemberRemovedEvent extends Event {
  static readonly eventName = 'ls-member-removed';

  /** The member as they were before the removal. */
  readonly member: Member;

  constructor(member: Member) {
    super(LsMemberRemovedEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-member-removed': LsMemberRemovedEvent;
  }
}
