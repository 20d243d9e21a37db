import type { CredentialUse, MemberStatus, Role } from '../../sdk/schemas/member.js';
import type { NewSecret } from '../service/secrets.js';
import { normalizeName } from '../storage/member-rows.js';
import type { SqlDatabase, SqlValue } from '../storage/sql-database.js';

/** A seeded user: their member id, email and a session token to send as a bearer token. */
export interface SeededUser {
  memberId: string;
  email: string;
  sessionToken: string;
}

/** Inserts a workspace row. */
export function insertWorkspace(
  database: SqlDatabase,
  workspace: { id: string; name: string; plan: string; createdAt: string },
): void {
  database.run('INSERT INTO workspaces (id, name, plan, created_at) VALUES (?, ?, ?, ?)', [
    workspace.id,
    workspace.name,
    workspace.plan,
    workspace.createdAt,
  ]);
}

/** Inserts a user with an account and the auth token that every account has. */
export function insertUser(
  database: SqlDatabase,
  user: {
    id: string;
    email: string;
    name: string;
    createdAt: string;
    authToken: NewSecret;
    authTokenUsedAt?: string | null;
  },
): void {
  database.run('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)', [
    user.id,
    user.email,
    user.name,
    user.createdAt,
  ]);
  database.run(
    `INSERT INTO auth_tokens (user_id, token_hash, hint, created_at, last_used_at)
     VALUES (?, ?, ?, ?, ?)`,
    [
      user.id,
      user.authToken.hash,
      user.authToken.hint,
      user.createdAt,
      user.authTokenUsedAt ?? null,
    ],
  );
}

/** The columns of one seeded member; the name and email are stored normalized as well. */
export interface MemberSeed {
  id: string;
  workspaceId: string;
  /** `null` for a pending invitation, whose person has no account yet. */
  userId: string | null;
  name: string;
  email: string;
  status: MemberStatus;
  role: Role;
  permissions?: string[];
  licenseId?: string | null;
  invitedAt: string | null;
  joinedAt: string | null;
  invitationSentAt?: string | null;
  invitationExpiresAt?: string | null;
  invitationTokenHash?: string | null;
}

/** The columns that `insertMember` and `insertMembers` write, in the order of `memberValues`. */
const MEMBER_COLUMNS = [
  'id',
  'workspace_id',
  'user_id',
  'name',
  'name_normalized',
  'email',
  'email_normalized',
  'status',
  'role',
  'permissions',
  'license_id',
  'invited_at',
  'joined_at',
  'invitation_sent_at',
  'invitation_expires_at',
  'invitation_token_hash',
] as const;

function memberValues(member: MemberSeed): SqlValue[] {
  return [
    member.id,
    member.workspaceId,
    member.userId,
    member.name,
    normalizeName(member.name),
    member.email,
    member.email.toLowerCase(),
    member.status,
    member.role,
    JSON.stringify(member.permissions ?? []),
    member.licenseId ?? null,
    member.invitedAt,
    member.joinedAt,
    member.invitationSentAt ?? null,
    member.invitationExpiresAt ?? null,
    member.invitationTokenHash ?? null,
  ];
}

/** Inserts a member row. */
export function insertMember(database: SqlDatabase, member: MemberSeed): void {
  insertRows(database, 'members', MEMBER_COLUMNS, [memberValues(member)]);
}

/** Inserts many member rows, several per statement; see `insertRows`. */
export function insertMembers(database: SqlDatabase, members: readonly MemberSeed[]): void {
  insertRows(database, 'members', MEMBER_COLUMNS, members.map(memberValues));
}

/**
 * The maximum number of parameters one statement may bind: SQLITE_MAX_VARIABLE_NUMBER in the builds of
 * better-sqlite3 12 and sql.js 1.17, which is SQLite's default since 3.32.
 */
const MAX_PARAMETERS = 32_766;

/** How many rows one statement of `insertRows` inserts at most, however few its columns. */
const MAX_ROWS_PER_STATEMENT = 1000;

/**
 * Inserts rows into a table with multi-row `INSERT` statements. SQLite opens a statement
 * savepoint for every statement that fires triggers, and FTS5 writes its pending index data
 * at each savepoint, so inserting members one per statement is several times slower.
 * `table` and `columns` are written into the SQL and must be constants.
 */
export function insertRows(
  database: SqlDatabase,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): void {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const rowsPerStatement = Math.min(
    MAX_ROWS_PER_STATEMENT,
    Math.floor(MAX_PARAMETERS / columns.length),
  );
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    database.run(
      `INSERT INTO ${table} (${columns.join(', ')})
       VALUES ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flat(),
    );
  }
}

/** Inserts a session, so that the secret's value works as a bearer token for the user. */
export function insertSession(
  database: SqlDatabase,
  session: NewSecret,
  userId: string,
  createdAt: string,
): void {
  database.run('INSERT INTO sessions (token_hash, user_id, created_at) VALUES (?, ?, ?)', [
    session.hash,
    userId,
    createdAt,
  ]);
}

/** Stores the credential that a member's tools last activated with, or nothing for `null`. */
export function recordLastCredentialUse(
  database: SqlDatabase,
  memberId: string,
  use: CredentialUse | null,
): void {
  if (use === null) return;
  database.run(
    `UPDATE members SET last_credential = ?, last_credential_hint = ?,
       last_credential_used_at = ? WHERE id = ?`,
    [use.credential, use.hint, use.usedAt, memberId],
  );
}
