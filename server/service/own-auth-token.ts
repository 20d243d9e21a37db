import type {
  AuthToken,
  PreviousAuthToken,
  RotatedAuthToken,
} from '../../sdk/schemas/auth-token.js';
import { ApiError } from './api-error.js';
import type { NewSecret } from './secrets.js';
import type { ServiceContext } from './service-context.js';
import { nowIso } from './service-context.js';
import type { SessionUser } from './viewer.js';

interface AuthTokenRow {
  token_hash: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
}

interface PreviousTokenRow {
  hint: string;
  expires_at: string;
  last_used_at: string | null;
}

/** Returns the caller's own auth token, masked, with the previous one during its grace period. */
export function getOwnAuthToken(context: ServiceContext, user: SessionUser): AuthToken {
  const row = context.db.get<AuthTokenRow>(
    'SELECT token_hash, hint, created_at, last_used_at FROM auth_tokens WHERE user_id = ?',
    [user.userId],
  );
  if (row === undefined) {
    throw new ApiError(
      404,
      'not_found',
      `User ${user.userId} has no auth token yet. Rotate it to create one.`,
    );
  }
  return {
    hint: row.hint,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    previous: findPreviousToken(context, user.userId, nowIso(context)),
  };
}

/**
 * Replaces the caller's auth token with a new one. The replaced token keeps working for
 * `gracePeriodSeconds` as the previous token, or stops at once when that is 0. A user has at
 * most one previous token, so a previous token still in its grace period stops at once.
 * This is the only response that contains the full token value.
 */
export function rotateOwnAuthToken(
  context: ServiceContext,
  user: SessionUser,
  token: NewSecret,
  gracePeriodSeconds: number,
): RotatedAuthToken {
  const now = context.now();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + gracePeriodSeconds * 1000).toISOString();

  return context.db.transaction(() => {
    const replaced = context.db.get<AuthTokenRow>(
      'SELECT token_hash, hint, created_at, last_used_at FROM auth_tokens WHERE user_id = ?',
      [user.userId],
    );
    const earlier = findPreviousToken(context, user.userId, createdAt);
    const revokedTokenHints = earlier === null ? [] : [earlier.hint];
    let previous: PreviousAuthToken | null = null;

    if (replaced !== undefined) {
      // With no grace period the row still stores the hash, expired at once, so that an
      // activation with the replaced token can report that it was replaced.
      context.db.run(
        `INSERT INTO previous_auth_tokens
           (user_id, token_hash, hint, replaced_at, expires_at, last_used_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,
           hint = excluded.hint, replaced_at = excluded.replaced_at,
           expires_at = excluded.expires_at, last_used_at = excluded.last_used_at`,
        [
          user.userId,
          replaced.token_hash,
          replaced.hint,
          createdAt,
          expiresAt,
          replaced.last_used_at,
        ],
      );
      if (gracePeriodSeconds > 0) {
        previous = { hint: replaced.hint, expiresAt, lastUsedAt: replaced.last_used_at };
      } else {
        revokedTokenHints.push(replaced.hint);
      }
    }

    context.db.run(
      `INSERT INTO auth_tokens (user_id, token_hash, hint, created_at, last_used_at)
       VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,
         hint = excluded.hint, created_at = excluded.created_at, last_used_at = NULL`,
      [user.userId, token.hash, token.hint, createdAt],
    );
    return {
      hint: token.hint,
      createdAt,
      lastUsedAt: null,
      previous,
      token: token.value,
      revokedTokenHints,
    };
  });
}

/**
 * Ends the grace period of the caller's previous auth token now, so that it stops working.
 * Returns the caller's auth token; it succeeds as well when there is no previous token.
 */
export function revokePreviousAuthToken(context: ServiceContext, user: SessionUser): AuthToken {
  const now = nowIso(context);
  context.db.run(
    'UPDATE previous_auth_tokens SET expires_at = ? WHERE user_id = ? AND expires_at > ?',
    [now, user.userId, now],
  );
  return getOwnAuthToken(context, user);
}

function findPreviousToken(
  context: ServiceContext,
  userId: string,
  now: string,
): PreviousAuthToken | null {
  const row = context.db.get<PreviousTokenRow>(
    `SELECT hint, expires_at, last_used_at FROM previous_auth_tokens
     WHERE user_id = ? AND expires_at > ?`,
    [userId, now],
  );
  if (row === undefined) return null;
  return { hint: row.hint, expiresAt: row.expires_at, lastUsedAt: row.last_used_at };
}
