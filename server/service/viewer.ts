import type { Role } from '../../sdk/schemas/member.js';
import type { MemberAction } from '../../sdk/domain/role-actions.js';
import { canPerform } from '../../sdk/domain/role-actions.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './service-context.js';

/** The signed-in person behind a request, before a workspace is involved. */
export interface SessionUser {
  userId: string;
  email: string;
}

/** The signed-in person as a member of the workspace in the request path. */
export interface Viewer extends SessionUser {
  workspaceId: string;
  memberId: string;
  role: Role;
  permissions: string[];
}

/** A session token stops working this long after the session was created. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

const UNAUTHORIZED_DETAIL =
  'The session token is missing, malformed or unknown. Send "Authorization: Bearer <token>" ' +
  'with a token from sign-in.';

/**
 * Finds the user of a session by the token's hash, or throws `401 unauthorized` for an unknown
 * token or a session older than `SESSION_LIFETIME_MS`.
 */
export function findSessionUser(context: ServiceContext, tokenHash: string): SessionUser {
  const row = context.db.get<{ user_id: string; email: string; created_at: string }>(
    `SELECT s.user_id, u.email, s.created_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ?`,
    [tokenHash],
  );
  if (row === undefined) throw new ApiError(401, 'unauthorized', UNAUTHORIZED_DETAIL);

  const expiresAt = Date.parse(row.created_at) + SESSION_LIFETIME_MS;
  // A created_at that does not parse gives NaN, which fails this check and ends the session.
  if (!(expiresAt > context.now().getTime())) {
    throw new ApiError(
      401,
      'unauthorized',
      `The session expired at ${new Date(expiresAt).toISOString()}. Sign in again to get a ` +
        'new session token.',
    );
  }
  return { userId: row.user_id, email: row.email };
}

/** The error for a request without a usable session token. */
export function missingSessionError(): ApiError {
  return new ApiError(401, 'unauthorized', UNAUTHORIZED_DETAIL);
}

/**
 * Resolves the user's active membership of a workspace. A user who is not an active member
 * gets `404 not_found`, the same as for a workspace that does not exist, so that workspace
 * ids do not leak.
 */
export function resolveViewer(
  context: ServiceContext,
  user: SessionUser,
  workspaceId: string,
): Viewer {
  const row = context.db.get<{ id: string; role: Role; permissions: string }>(
    `SELECT id, role, permissions FROM members
     WHERE workspace_id = ? AND user_id = ? AND status = 'active'`,
    [workspaceId, user.userId],
  );
  if (row === undefined) {
    throw new ApiError(404, 'not_found', `Workspace ${workspaceId} was not found.`);
  }
  return {
    ...user,
    workspaceId,
    memberId: row.id,
    role: row.role,
    permissions: JSON.parse(row.permissions) as string[],
  };
}

/** Throws `403 forbidden` unless the viewer's role allows the action. */
export function requirePermission(viewer: Viewer, action: MemberAction): void {
  if (canPerform(viewer.role, action)) return;
  throw new ApiError(
    403,
    'forbidden',
    `Members have a read-only view, so ${viewer.memberId} cannot ${describeAction(action)}. ` +
      'Ask an admin of the workspace.',
  );
}

function describeAction(action: MemberAction): string {
  switch (action) {
    case 'invite':
      return 'invite people';
    case 'resendInvitation':
      return 'resend invitations';
    case 'removeMember':
      return 'remove members';
    case 'changeRole':
      return 'change roles';
    case 'changePermissions':
      return 'change permissions';
    case 'manageLicenses':
      return 'assign or unassign licenses';
    case 'removeLegacyKey':
      return 'remove legacy API keys';
  }
}
