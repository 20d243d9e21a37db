import type { Member } from '../schemas/member.js';
import type { MembersListQuery } from './workspace-store-state.js';

/**
 * Tells whether a member matches the filters of a member list, with the rules the server's
 * list applies: the search text is trimmed and compared in lower case with the name and the
 * email, and `license` is a pool id, `none` or `any`.
 */
export function matchesMemberQuery(member: Member, query: MembersListQuery): boolean {
  if (query.role !== undefined && member.role !== query.role) return false;
  if (query.status !== undefined && member.status !== query.status) return false;
  if (query.license === 'none' && member.licenseId !== null) return false;
  if (query.license === 'any' && member.licenseId === null) return false;
  const pool = query.license;
  if (pool !== undefined && pool !== 'none' && pool !== 'any' && member.licenseId !== pool) {
    return false;
  }
  if (query.legacyKey === 'true' && member.legacyKey === null) return false;
  if (query.legacyKey === 'false' && member.legacyKey !== null) return false;

  const text = (query.query ?? '').trim().toLowerCase();
  if (text === '') return true;
  return member.name.toLowerCase().includes(text) || member.email.toLowerCase().includes(text);
}

/** Returns the value that the list's sort orders a member by, as the server compares it. */
export function memberSortValue(member: Member, query: MembersListQuery): string {
  switch (query.sort?.replace('-', '') ?? 'name') {
    case 'email':
      return member.email.toLowerCase();
    case 'invitedAt':
      return member.invitedAt ?? '';
    case 'role':
      return member.role;
    default:
      return member.name.toLowerCase();
  }
}
