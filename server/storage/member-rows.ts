import type { Member, MemberStatus, Role } from '../../sdk/schemas/member.js';
import type { SqlDatabase } from './sql-database.js';

/** One row of `members` joined with the member's legacy key and the user's auth token. */
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
}

/** The `SELECT … FROM` part shared by every query that returns members; alias `m`. */
export const MEMBER_SELECT = `
SELECT m.id, m.workspace_id, m.user_id, m.name, m.email, m.status, m.role, m.permissions,
  m.license_id, m.invited_at, m.joined_at, m.invitation_sent_at, m.invitation_expires_at,
  m.version,
  k.hint AS legacy_key_hint, k.created_at AS legacy_key_created_at,
  k.last_used_at AS legacy_key_last_used_at,
  t.hint AS auth_token_hint, t.last_used_at AS auth_token_last_used_at
FROM members m
LEFT JOIN legacy_keys k ON k.member_id = m.id
LEFT JOIN auth_tokens t ON t.user_id = m.user_id`;

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
      ? { hint: row.auth_token_hint, lastUsedAt: row.auth_token_last_used_at }
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
    invitedAt: row.invited_at,
    joinedAt: row.joined_at,
    invitation,
    version: row.version,
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
