import type { Activation, CredentialType } from '../../sdk/schemas/activation.js';
import type { AuthToken, RotatedAuthToken } from '../../sdk/schemas/auth-token.js';
import { ApiError } from './api-error.js';
import type { NewSecret } from './secrets.js';
import type { ServiceContext } from './service-context.js';
import { nowIso } from './service-context.js';
import type { SessionUser } from './viewer.js';

interface AuthTokenRow {
  hint: string;
  created_at: string;
  last_used_at: string | null;
}

/** Returns the caller's own auth token, masked. */
export function getOwnAuthToken(context: ServiceContext, user: SessionUser): AuthToken {
  const row = context.db.get<AuthTokenRow>(
    'SELECT hint, created_at, last_used_at FROM auth_tokens WHERE user_id = ?',
    [user.userId],
  );
  if (row === undefined) {
    throw new ApiError(
      404,
      'not_found',
      `User ${user.userId} has no auth token yet. Rotate it to create one.`,
    );
  }
  return { hint: row.hint, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

/**
 * Replaces the caller's auth token with a new one, which stops the old one from working.
 * This is the only response that contains the full token value.
 */
export function rotateOwnAuthToken(
  context: ServiceContext,
  user: SessionUser,
  token: NewSecret,
): RotatedAuthToken {
  const createdAt = nowIso(context);
  context.db.transaction(() => {
    context.db.run(
      `INSERT INTO auth_tokens (user_id, token_hash, hint, created_at, last_used_at)
       VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,
         hint = excluded.hint, created_at = excluded.created_at, last_used_at = NULL`,
      [user.userId, token.hash, token.hint, createdAt],
    );
  });
  return { hint: token.hint, createdAt, lastUsedAt: null, token: token.value };
}

interface LicensedMembership {
  member_id: string;
  workspace_id: string;
  license_id: string | null;
  plan: string | null;
}

/**
 * Activates a command-line tool with an auth token or a legacy API key: records the
 * credential's last use and returns the license its owner holds. An auth token belongs to a
 * user who may be in several workspaces; the first licensed membership by workspace id wins.
 */
export function activateLicense(
  context: ServiceContext,
  type: CredentialType,
  tokenHash: string,
): Activation {
  // The use is recorded even when the owner holds no license, because the credential was valid.
  const memberships = context.db.transaction(() => {
    const now = nowIso(context);
    return type === 'auth-token'
      ? useAuthToken(context, tokenHash, now)
      : useLegacyKey(context, tokenHash, now);
  });

  const licensed = memberships.find((membership) => membership.license_id !== null);
  if (licensed === undefined || licensed.license_id === null || licensed.plan === null) {
    const owner = memberships[0]?.member_id ?? 'The owner of this credential';
    throw new ApiError(
      403,
      'no_license',
      `${owner} holds no license. Ask a workspace admin to assign one, then activate again.`,
    );
  }
  return {
    workspaceId: licensed.workspace_id,
    memberId: licensed.member_id,
    licenseId: licensed.license_id,
    plan: licensed.plan,
    credential: type,
  };
}

const MEMBERSHIP_SELECT = `
SELECT m.id AS member_id, m.workspace_id, m.license_id, p.plan
FROM members m LEFT JOIN license_pools p ON p.id = m.license_id`;

function useAuthToken(context: ServiceContext, tokenHash: string, now: string) {
  const token = context.db.get<{ user_id: string }>(
    'SELECT user_id FROM auth_tokens WHERE token_hash = ?',
    [tokenHash],
  );
  if (token === undefined) throw unknownCredential('auth token');

  context.db.run('UPDATE auth_tokens SET last_used_at = ? WHERE user_id = ?', [now, token.user_id]);
  return context.db.all<LicensedMembership>(
    `${MEMBERSHIP_SELECT} WHERE m.user_id = ? AND m.status = 'active' ORDER BY m.workspace_id`,
    [token.user_id],
  );
}

function useLegacyKey(context: ServiceContext, tokenHash: string, now: string) {
  const key = context.db.get<{ member_id: string }>(
    'SELECT member_id FROM legacy_keys WHERE key_hash = ?',
    [tokenHash],
  );
  if (key === undefined) throw unknownCredential('legacy API key');

  context.db.run('UPDATE legacy_keys SET last_used_at = ? WHERE member_id = ?', [
    now,
    key.member_id,
  ]);
  return context.db.all<LicensedMembership>(`${MEMBERSHIP_SELECT} WHERE m.id = ?`, [key.member_id]);
}

function unknownCredential(kind: string): ApiError {
  return new ApiError(
    401,
    'unauthorized',
    `The ${kind} is unknown or was revoked. Copy the current one from the Auth Tokens page.`,
  );
}
