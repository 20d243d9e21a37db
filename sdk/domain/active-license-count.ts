import type { Member } from '../schemas/member.js';

/** The member fields that decide whether a member uses up an active license. */
export type LicenseHolder = Pick<Member, 'licenseId' | 'legacyKey'>;

/**
 * Tells whether a member uses up one active license: they hold a license from a pool,
 * a legacy API key, or both. Both together still count once.
 */
export function holdsActiveLicense(member: LicenseHolder): boolean {
  return member.licenseId !== null || member.legacyKey !== null;
}

/**
 * Counts the active licenses of a set of members. Pending invitations that hold a seat
 * count as well, because the seat is taken until the invitation is accepted or revoked.
 */
export function countActiveLicenses(members: Iterable<LicenseHolder>): number {
  let count = 0;
  for (const member of members) {
    if (holdsActiveLicense(member)) count++;
  }
  return count;
}
