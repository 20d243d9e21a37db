import type { Member } from '../../sdk/schemas/member.js';

/** A member's license was unassigned. Bubbles and crosses shadow roots. */
export class LsLicenseUnassignedEvent extends Event {
  static readonly eventName = 'ls-license-unassigned';

  /** The member after the change. */
  readonly member: Member;

  /** The pool the member held. */
  readonly licenseId: string;

  constructor(member: Member, licenseId: string) {
    super(LsLicenseUnassignedEvent.eventName, { bubbles: true, composed: true });
    this.member = member;
    this.licenseId = licenseId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-license-unassigned': LsLicenseUnassignedEvent;
  }
}
