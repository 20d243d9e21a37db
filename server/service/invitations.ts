import type { AcceptedInvitation } from '../../sdk/schemas/invitation.js';
import type { Member, Role } from '../../sdk/schemas/member.js';
import { MEMBER_SELECT, normalizeName, toMember } from '../storage/member-rows.js';
import type { MemberRow } from '../storage/member-rows.js';
import { ApiError } from './api-error.js';
import { publishLicenses, publishMember } from './change-events.js';
import { checkSeatAvailable } from './licenses.js';
import { getMember, loadMemberRow } from './member-changes.js';
import { queueEmail } from './outbox.js';
import type { NewSecret } from './secrets.js';
import { newId } from './secrets.js';
import type { ServiceContext } from './service-context.js';
import { nowIso } from './service-context.js';
import type { Viewer } from './viewer.js';
import { requirePermission } from './viewer.js';
import { loadWorkspace } from './workspace.js';

/** An invitation expires this long after it was last sent. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A repeated `Idempotency-Key` replays the first response for this long. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A validated invitation request. */
export interface Invitation {
  name: string;
  email: string;
  role?: Role;
  licenseId?: string | null;
}

/** The caller's `Idempotency-Key` and a hash of the request body it was sent with. */
export interface IdempotencyRecord {
  key: string;
  requestHash: string;
}

/** The result of an invitation: the new member, or the replay of an earlier response. */
export interface InvitationResult {
  status: number;
  body: Member;
  replayed: boolean;
}

/**
 * Invites a person. The member row, the seat (when `licenseId` is given), the email and the
 * idempotency record are written in one transaction, so either all of them are saved or none.
 * Only successful answers are recorded for replay, because a failed invitation saved nothing
 * and can simply be tried again.
 */
export function invite(
  context: ServiceContext,
  viewer: Viewer,
  invitation: Invitation,
  token: NewSecret,
  idempotency?: IdempotencyRecord,
): InvitationResult {
  requirePermission(viewer, 'invite');

  const result = context.db.transaction((): InvitationResult => {
    if (idempotency !== undefined) {
      const replay = findReplay(context, viewer, idempotency);
      if (replay !== undefined) return replay;
    }

    const emailNormalized = invitation.email.toLowerCase();
    const existing = context.db.get<{ id: string }>(
      'SELECT id FROM members WHERE workspace_id = ? AND email_normalized = ?',
      [viewer.workspaceId, emailNormalized],
    );
    if (existing !== undefined) {
      throw new ApiError(
        409,
        'already_member',
        `${invitation.email} already belongs to member ${existing.id} of workspace ` +
          `${viewer.workspaceId}. Resend that invitation or change that member instead.`,
      );
    }

    const licenseId = invitation.licenseId ?? null;
    if (licenseId !== null) checkSeatAvailable(context, viewer.workspaceId, licenseId);

    const memberId = newId('mem');
    const sentAt = nowIso(context);
    const expiresAt = new Date(context.now().getTime() + INVITATION_LIFETIME_MS).toISOString();
    context.db.run(
      `INSERT INTO members (id, workspace_id, name, name_normalized, email, email_normalized,
         status, role, license_id, invited_at, invitation_sent_at, invitation_expires_at,
         invitation_token_hash)
       VALUES (?, ?, ?, ?, ?, ?, 'invited', ?, ?, ?, ?, ?, ?)`,
      [
        memberId,
        viewer.workspaceId,
        invitation.name,
        normalizeName(invitation.name),
        invitation.email,
        emailNormalized,
        invitation.role ?? 'member',
        licenseId,
        sentAt,
        sentAt,
        expiresAt,
        token.hash,
      ],
    );
    queueInvitationEmail(context, viewer, invitation.email, token.value, expiresAt);

    const member = getMember(context, viewer, memberId);
    if (idempotency !== undefined) {
      context.db.run(
        `INSERT OR REPLACE INTO idempotency_keys
           (workspace_id, caller_id, key, request_hash, status, body, created_at)
         VALUES (?, ?, ?, ?, 201, ?, ?)`,
        [
          viewer.workspaceId,
          viewer.memberId,
          idempotency.key,
          idempotency.requestHash,
          JSON.stringify(member),
          sentAt,
        ],
      );
    }
    return { status: 201, body: member, replayed: false };
  });
  if (!result.replayed) {
    publishMember(context, viewer.workspaceId, result.body);
    if (result.body.licenseId !== null) publishLicenses(context, viewer.workspaceId);
  }
  return result;
}

function findReplay(
  context: ServiceContext,
  viewer: Viewer,
  idempotency: IdempotencyRecord,
): InvitationResult | undefined {
  const row = context.db.get<{
    request_hash: string;
    status: number;
    body: string;
    created_at: string;
  }>(
    `SELECT request_hash, status, body, created_at FROM idempotency_keys
     WHERE workspace_id = ? AND caller_id = ? AND key = ?`,
    [viewer.workspaceId, viewer.memberId, idempotency.key],
  );
  if (row === undefined) return undefined;

  const age = context.now().getTime() - Date.parse(row.created_at);
  if (age > IDEMPOTENCY_WINDOW_MS) return undefined;

  if (row.request_hash !== idempotency.requestHash) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      `Idempotency-Key "${idempotency.key}" was already used with a different request body. ` +
        'Send a new key for a new invitation.',
    );
  }
  return { status: row.status, body: JSON.parse(row.body) as Member, replayed: true };
}

/**
 * Sends a pending invitation again with a new token and moves its expiry to 7 days from now.
 * The link in the earlier email stops working, because only the newest token's hash is kept.
 */
export function resendInvitation(
  context: ServiceContext,
  viewer: Viewer,
  memberId: string,
  token: NewSecret,
): Member {
  requirePermission(viewer, 'resendInvitation');

  const member = context.db.transaction(() => {
    const row = loadMemberRow(context, viewer, memberId);
    if (row.status !== 'invited') {
      throw new ApiError(
        409,
        'not_invited',
        `Member ${memberId} has already joined, so there is no invitation to resend.`,
      );
    }

    const sentAt = nowIso(context);
    const expiresAt = new Date(context.now().getTime() + INVITATION_LIFETIME_MS).toISOString();
    context.db.run(
      `UPDATE members SET invitation_sent_at = ?, invitation_expires_at = ?,
         invitation_token_hash = ?, version = version + 1
       WHERE id = ?`,
      [sentAt, expiresAt, token.hash, memberId],
    );
    queueInvitationEmail(context, viewer, row.email, token.value, expiresAt);
    return getMember(context, viewer, memberId);
  });
  publishMember(context, viewer.workspaceId, member);
  return member;
}

function queueInvitationEmail(
  context: ServiceContext,
  viewer: Viewer,
  recipient: string,
  token: string,
  expiresAt: string,
): void {
  const workspace = loadWorkspace(context, viewer.workspaceId);
  queueEmail(context, {
    recipient,
    subject: `You are invited to ${workspace.name}`,
    body:
      `${viewer.email} invited you to the workspace ${workspace.name}.\n\n` +
      `Accept the invitation before ${expiresAt}: /accept-invitation?token=${token}\n`,
  });
}

/** The secrets created for a person who accepts an invitation. */
export interface AcceptanceSecrets {
  session: NewSecret;
  /** Used only when the person has no account yet. */
  authToken: NewSecret;
}

/**
 * Accepts an invitation by its token: the member becomes active under the given name, the
 * person gets an account when they had none, and a new session is returned.
 */
export function acceptInvitation(
  context: ServiceContext,
  tokenHash: string,
  name: string,
  secrets: AcceptanceSecrets,
): AcceptedInvitation {
  const accepted = context.db.transaction(() => {
    const row = context.db.get<{
      id: string;
      workspace_id: string;
      email: string;
      email_normalized: string;
      invitation_expires_at: string;
    }>(
      `SELECT id, workspace_id, email, email_normalized, invitation_expires_at FROM members
       WHERE invitation_token_hash = ? AND status = 'invited'`,
      [tokenHash],
    );
    if (row === undefined) {
      throw new ApiError(
        404,
        'not_found',
        'No pending invitation has this token. It may have been revoked, accepted or ' +
          'resent with a newer link; ask an admin to resend it.',
      );
    }
    if (Date.parse(row.invitation_expires_at) <= context.now().getTime()) {
      throw new ApiError(
        409,
        'invitation_expired',
        `The invitation expired at ${row.invitation_expires_at}. Ask an admin to resend it.`,
      );
    }

    const now = nowIso(context);
    const userId = findOrCreateUser(context, row.email_normalized, name, secrets.authToken);
    context.db.run(
      `UPDATE members SET user_id = ?, name = ?, name_normalized = ?, status = 'active',
         joined_at = ?, invitation_sent_at = NULL, invitation_expires_at = NULL,
         invitation_token_hash = NULL, version = version + 1
       WHERE id = ?`,
      [userId, name, normalizeName(name), now, row.id],
    );
    context.db.run('INSERT INTO sessions (token_hash, user_id, created_at) VALUES (?, ?, ?)', [
      secrets.session.hash,
      userId,
      now,
    ]);

    const member = context.db.get<MemberRow>(`${MEMBER_SELECT} WHERE m.id = ?`, [row.id]);
    if (member === undefined) throw new Error(`Member ${row.id} vanished while joining.`);
    return {
      member: toMember(member),
      workspaceId: row.workspace_id,
      sessionToken: secrets.session.value,
    };
  });
  publishMember(context, accepted.workspaceId, accepted.member);
  return accepted;
}

/** Returns the user with this email, creating them with an auth token when there is none. */
function findOrCreateUser(
  context: ServiceContext,
  emailNormalized: string,
  name: string,
  authToken: NewSecret,
): string {
  const user = context.db.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [
    emailNormalized,
  ]);
  if (user !== undefined) return user.id;

  const userId = newId('usr');
  const now = nowIso(context);
  context.db.run('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)', [
    userId,
    emailNormalized,
    name,
    now,
  ]);
  context.db.run(
    'INSERT INTO auth_tokens (user_id, token_hash, hint, created_at) VALUES (?, ?, ?, ?)',
    [userId, authToken.hash, authToken.hint, now],
  );
  return userId;
}
