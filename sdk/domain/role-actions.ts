import type { OpenRole } from '../schemas/member.js';

/** The changes that the API guards by role. */
export const MEMBER_ACTIONS = [
  'invite',
  'resendInvitation',
  'removeMember',
  'changeRole',
  'changePermissions',
  'manageLicenses',
  'removeLegacyKey',
] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/**
 * Tells whether a role may perform a change. Only admins change anything; members have a
 * read-only view. The server enforces the same rule, so this only decides what the UI offers.
 * A role that this version does not know gets the read-only view too.
 */
export function canPerform(role: OpenRole, action: MemberAction): boolean {
  switch (role) {
    case 'admin':
      return MEMBER_ACTIONS.includes(action);
    case 'member':
    default:
      return false;
  }
}
