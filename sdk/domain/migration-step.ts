import type { Member } from '../schemas/member.js';
import type { MigrationStep } from '../schemas/migration.js';

/** The member fields that decide a member's step in the move off legacy keys. */
export type MigratingMember = Pick<Member, 'licenseId' | 'legacyKey' | 'authToken'>;

/**
 * Works out where a member stands in the move from a legacy API key to an auth token,
 * or returns `null` when the member has no legacy key left.
 *
 * 1. The member holds no license, so an admin assigns one first.
 * 2. The member has a license but their tools have never used the auth token.
 * 3. The auth token is in use, but the legacy key was used after it, so some
 *    configuration still sends the old key.
 * 4. The auth token was used last (or the key never was): the key can be removed.
 */
export function migrationStepOf(member: MigratingMember): MigrationStep | null {
  const { legacyKey, authToken } = member;
  if (legacyKey === null) return null;
  if (member.licenseId === null) return 1;

  const tokenUsedAt = authToken?.lastUsedAt ?? null;
  if (tokenUsedAt === null) return 2;

  const keyUsedAt = legacyKey.lastUsedAt;
  if (keyUsedAt !== null && Date.parse(keyUsedAt) > Date.parse(tokenUsedAt)) return 3;
  return 4;
}
