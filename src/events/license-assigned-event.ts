import type { Member } from '../../sdk/schemas/member.js';

/**
 * A license was assigned to a member, or moved to another pool. Bubbles and crosses shadow roots.
 */
export class LsLicenseAssignedEvent extends Event {
  static readonly eventName = 'ls-license-assigned';

  /** The member after the change. */
  readonly member: Member;

  /** The pool the member held before, or `null`. */
  readonly previousLicenseId: string | null;

  constructor(member: Member, previousLicenseId: string | null) {
    super(LsLicenseAssignedEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
    this.previousLicenseId = previousLicenseId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-license-assigned': LsLicenseAssignedEvent;
  }
}
