import type { MemberStatus, Role } from '../../sdk/schemas/member.js';
import type { NewSecret } from '../service/secrets.js';
import type { SqlDatabase } from '../storage/sql-database.js';

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

/** The columns of one seeded member; the email is stored normalized as well. */
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

/** Inserts a member row. */
export function insertMember(database: SqlDatabase, member: MemberSeed): void {
  database.run(
    `INSERT INTO members (id, workspace_id, user_id, name, email, email_normalized, status,
       role, permissions, license_id, invited_at, joined_at, invitation_sent_at,
       invitation_expires_at, invitation_token_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      member.id,
      member.workspaceId,
      member.userId,
      member.name,
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
    ],
  );
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
