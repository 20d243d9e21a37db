import type { Activation, CredentialType } from '../../sdk/schemas/activation.js';
import type { UsedCredentialKind } from '../../sdk/schemas/member.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './service-context.js';
import { nowIso } from './service-context.js';

interface LicensedMembership {
  member_id: string;
  workspace_id: string;
  license_id: string | null;
  plan: string | null;
}

/** A valid credential: what it was, and the memberships of its owner it may activate. */
interface CredentialMatch {
  kind: UsedCredentialKind;
  hint: string;
  /** When the previous auth token stops working; `null` for other credentials. */
  previousTokenExpiresAt: string | null;
  memberships: LicensedMembership[];
}

/**
 * Activates a command-line tool with an auth token, the previous auth token during its grace
 * period, or a legacy API key: records the credential's last use and returns the license its
 * owner holds. An auth token belongs to a user who may be in several workspaces; the first
 * licensed membership by workspace id wins.
 */
export function activateLicense(
  context: ServiceContext,
  type: CredentialType,
  tokenHash: string,
): Activation {
  // The use is recorded even when the owner holds no license, because the credential was valid.
  const { match, licensed } = context.db.transaction(() => {
    const now = nowIso(context);
    const match =
      type === 'auth-token'
        ? useAuthToken(context, tokenHash, now)
        : useLegacyKey(context, tokenHash, now);
    const licensed = match.memberships.find((membership) => membership.license_id !== null);
    // Without a license no membership matched, so the use shows on each of them.
    recordCredentialUse(context, licensed === undefined ? match.memberships : [licensed], {
      kind: match.kind,
      hint: match.hint,
      usedAt: now,
    });
    return { match, licensed };
  });

  if (licensed === undefined || licensed.license_id === null || licensed.plan === null) {
    const owner = match.memberships[0]?.member_id ?? 'The owner of this credential';
    throw new ApiError(
      403,
      'no_license',
      `${owner} holds no license. Ask a workspace admin to assign one, then activate again.`,
    );
  }
  let token: Activation['token'] = null;
  if (type === 'auth-token') token = match.kind === 'auth-token' ? 'current' : 'previous';
  return {
    workspaceId: licensed.workspace_id,
    memberId: licensed.member_id,
    licenseId: licensed.license_id,
    plan: licensed.plan,
    credential: type,
    token,
    previousTokenExpiresAt: match.previousTokenExpiresAt,
  };
}

const MEMBERSHIP_SELECT = `
SELECT m.id AS member_id, m.workspace_id, m.license_id, p.plan
FROM members m LEFT JOIN license_pools p ON p.id = m.license_id`;

function activeMembershipsOf(context: ServiceContext, userId: string): LicensedMembership[] {
  return context.db.all<LicensedMembership>(
    `${MEMBERSHIP_SELECT} WHERE m.user_id = ? AND m.status = 'active' ORDER BY m.workspace_id`,
    [userId],
  );
}

function useAuthToken(context: ServiceContext, tokenHash: string, now: string): CredentialMatch {
  const current = context.db.get<{ user_id: string; hint: string }>(
    'SELECT user_id, hint FROM auth_tokens WHERE token_hash = ?',
    [tokenHash],
  );
  if (current !== undefined) {
    context.db.run('UPDATE auth_tokens SET last_used_at = ? WHERE user_id = ?', [
      now,
      current.user_id,
    ]);
    return {
      kind: 'auth-token',
      hint: current.hint,
      previousTokenExpiresAt: null,
      memberships: activeMembershipsOf(context, current.user_id),
    };
  }

  const previous = context.db.get<{
    user_id: string;
    hint: string;
    replaced_at: string;
    expires_at: string;
  }>(
    `SELECT user_id, hint, replaced_at, expires_at FROM previous_auth_tokens
     WHERE token_hash = ?`,
    [tokenHash],
  );
  if (previous === undefined) throw unknownCredential('auth token');
  if (previous.expires_at <= now) throw replacedToken(previous);

  context.db.run('UPDATE previous_auth_tokens SET last_used_at = ? WHERE user_id = ?', [
    now,
    previous.user_id,
  ]);
  return {
    kind: 'previous-auth-token',
    hint: previous.hint,
    previousTokenExpiresAt: previous.expires_at,
    memberships: activeMembershipsOf(context, previous.user_id),
  };
}

function useLegacyKey(context: ServiceContext, tokenHash: string, now: string): CredentialMatch {
  const key = context.db.get<{ member_id: string; hint: string }>(
    'SELECT member_id, hint FROM legacy_keys WHERE key_hash = ?',
    [tokenHash],
  );
  if (key === undefined) throw unknownCredential('legacy API key');

  context.db.run('UPDATE legacy_keys SET last_used_at = ? WHERE member_id = ?', [
    now,
    key.member_id,
  ]);
  return {
    kind: 'api-key',
    hint: key.hint,
    previousTokenExpiresAt: null,
    memberships: context.db.all<LicensedMembership>(`${MEMBERSHIP_SELECT} WHERE m.id = ?`, [
      key.member_id,
    ]),
  };
}

/** Stores the credential as the last one used on each membership it activated. */
function recordCredentialUse(
  context: ServiceContext,
  memberships: readonly LicensedMembership[],
  use: { kind: UsedCredentialKind; hint: string; usedAt: string },
): void {
  for (const membership of memberships) {
    context.db.run(
      `UPDATE members SET last_credential = ?, last_credential_hint = ?,
         last_credential_used_at = ? WHERE id = ?`,
      [use.kind, use.hint, use.usedAt, membership.member_id],
    );
  }
}

function unknownCredential(kind: string): ApiError {
  return new ApiError(
    401,
    'unauthorized',
    `The ${kind} is unknown or was revoked. Copy the current one from the Auth Tokens page.`,
  );
}

function replacedToken(previous: { hint: string; replaced_at: string; expires_at: string }) {
  const stopped =
    previous.expires_at === previous.replaced_at
      ? 'stopped working then'
      : `stopped working at ${previous.expires_at}`;
  return new ApiError(
    401,
    'unauthorized',
    `The auth token ${previous.hint} was replaced at ${previous.replaced_at} and ${stopped}. ` +
      'Copy the current auth token from the Auth Tokens page and use it in its place.',
  );
}
