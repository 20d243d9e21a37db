import type { PreviousAuthToken } from '../../sdk/schemas/auth-token.js';
import type { Member, MemberStatus, Role, UsedCredentialKind } from '../../sdk/schemas/member.js';
import { SERVICE_NOW_FUNCTION } from './service-clock.js';
import type { SqlDatabase } from './sql-database.js';

/**
 * One row of `members` joined with the member's legacy key, the user's auth token and the
 * user's previous auth token while its grace period runs.
 */
export interface MemberRow {
  id: string;
  workspace_id: string;
  user_id: string | null;
  name: string;
  email: string;
  status: MemberStatus;
  role: Role;
  permissions: string;
  license_id: string | null;
  invited_at: string | null;
  joined_at: string | null;
  invitation_sent_at: string | null;
  invitation_expires_at: string | null;
  version: number;
  legacy_key_hint: string | null;
  legacy_key_created_at: string | null;
  legacy_key_last_used_at: string | null;
  auth_token_hint: string | null;
  auth_token_last_used_at: string | null;
  previous_token_hint: string | null;
  previous_token_expires_at: string | null;
  previous_token_last_used_at: string | null;
  last_credential: UsedCredentialKind | null;
  last_credential_hint: string | null;
  last_credential_used_at: string | null;
}

/** The `SELECT … FROM` part shared by every query that returns members; alias `m`. */
export const MEMBER_SELECT = `
SELECT m.id, m.workspace_id, m.user_id, m.name, m.email, m.status, m.role, m.permissions,
  m.license_id, m.invited_at, m.joined_at, m.invitation_sent_at, m.invitation_expires_at,
  m.version, m.last_credential, m.last_credential_hint, m.last_credential_used_at,
  k.hint AS legacy_key_hint, k.created_at AS legacy_key_created_at,
  k.last_used_at AS legacy_key_last_used_at,
  t.hint AS auth_token_hint, t.last_used_at AS auth_token_last_used_at,
  p.hint AS previous_token_hint, p.expires_at AS previous_token_expires_at,
  p.last_used_at AS previous_token_last_used_at
FROM members m
LEFT JOIN legacy_keys k ON k.member_id = m.id
LEFT JOIN auth_tokens t ON t.user_id = m.user_id
LEFT JOIN previous_auth_tokens p
  ON p.user_id = m.user_id AND p.expires_at > ${SERVICE_NOW_FUNCTION}()`;

/**
 * Returns a name as `members.name_normalized` stores it: in lower case by Unicode rules,
 * which SQLite's `lower()` does not apply beyond ASCII. Searches and the sort by name use it.
 */
export function normalizeName(name: string): string {
  return name.toLowerCase();
}

/** Converts a joined row into the API's `Member` shape. */
export function toMember(row: MemberRow): Member {
  const invitation =
    row.status === 'invited' && row.invitation_sent_at !== null && row.invitation_expires_at
      ? { sentAt: row.invitation_sent_at, expiresAt: row.invitation_expires_at }
      : null;
  const legacyKey =
    row.legacy_key_hint !== null && row.legacy_key_created_at !== null
      ? {
          hint: row.legacy_key_hint,
          createdAt: row.legacy_key_created_at,
          lastUsedAt: row.legacy_key_last_used_at,
        }
      : null;
  const authToken =
    row.auth_token_hint !== null
      ? {
          hint: row.auth_token_hint,
          lastUsedAt: row.auth_token_last_used_at,
          previous: toPreviousAuthToken(row),
        }
      : null;
  const lastCredentialUse =
    row.last_credential !== null &&
    row.last_credential_hint !== null &&
    row.last_credential_used_at !== null
      ? {
          credential: row.last_credential,
          hint: row.last_credential_hint,
          usedAt: row.last_credential_used_at,
        }
      : null;

  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    role: row.role,
    permissions: JSON.parse(row.permissions) as string[],
    licenseId: row.license_id,
    legacyKey,
    authToken,
    lastCredentialUse,
    invitedAt: row.invited_at,
    joinedAt: row.joined_at,
    invitation,
    version: row.version,
  };
}

function toPreviousAuthToken(row: MemberRow): PreviousAuthToken | null {
  if (row.previous_token_hint === null || row.previous_token_expires_at === null) return null;
  return {
    hint: row.previous_token_hint,
    expiresAt: row.previous_token_expires_at,
    lastUsedAt: row.previous_token_last_used_at,
  };
}

/** Loads one member of a workspace, or `undefined` when the workspace has no such member. */
export function findMemberRow(
  db: SqlDatabase,
  workspaceId: string,
  memberId: string,
): MemberRow | undefined {
  return db.get<MemberRow>(`${MEMBER_SELECT} WHERE m.workspace_id = ? AND m.id = ?`, [
    workspaceId,
    memberId,
  ]);
}

/** Counts the active admins of a workspace, which must never drop to zero. */
export function countActiveAdmins(db: SqlDatabase, workspaceId: string): number {
  const row = db.get<{ count: number }>(
    `SELECT COUNT(*) AS count FROM members
     WHERE workspace_id = ? AND role = 'admin' AND status = 'active'`,
    [workspaceId],
  );
  return row?.count ?? 0;
}
