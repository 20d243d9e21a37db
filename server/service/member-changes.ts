import type { Member, Role } from '../../sdk/schemas/member.js';
import { countActiveAdmins, findMemberRow, toMember } from '../storage/member-rows.js';
import type { MemberRow } from '../storage/member-rows.js';
import { ApiError, invalidField } from './api-error.js';
import { publishLicenses, publishMember, publishMemberRemoved } from './change-events.js';
import type { ServiceContext } from './service-context.js';
import type { Viewer } from './viewer.js';
import { requirePermission } from './viewer.js';
import { loadWorkspace, PERMISSION_CATALOG, PLANS_WITH_ADVANCED_PERMISSIONS } from './workspace.js';

/** Loads a member of the viewer's workspace, or throws `404 not_found`. */
export function loadMemberRow(
  context: ServiceContext,
  viewer: Viewer,
  memberId: string,
): MemberRow {
  const row = findMemberRow(context.db, viewer.workspaceId, memberId);
  if (row === undefined) {
    throw new ApiError(
      404,
      'not_found',
      `Member ${memberId} was not found in workspace ${viewer.workspaceId}.`,
    );
  }
  return row;
}

/** Returns one member of the viewer's workspace. */
export function getMember(context: ServiceContext, viewer: Viewer, memberId: string): Member {
  return toMember(loadMemberRow(context, viewer, memberId));
}

/** A change of role, permissions or both, guarded by the version the caller last read. */
export interface MemberChange {
  role?: Role;
  permissions?: string[];
  /** The version from `If-Match`, or `'any'` for `If-Match: *`, which any version matches. */
  expectedVersion: number | 'any';
}

/**
 * Changes a member's role and/or advanced permissions. The version check, the last-admin
 * rule and the write run in one transaction.
 */
export function updateMember(
  context: ServiceContext,
  viewer: Viewer,
  memberId: string,
  change: MemberChange,
): Member {
  if (change.role !== undefined) requirePermission(viewer, 'changeRole');
  if (change.permissions !== undefined) requirePermission(viewer, 'changePermissions');
  if (change.permissions !== undefined) checkPermissions(context, viewer, change.permissions);

  let changed = false;
  const member = context.db.transaction(() => {
    const row = loadMemberRow(context, viewer, memberId);
    if (change.expectedVersion !== 'any' && row.version !== change.expectedVersion) {
      throw versionConflictError(memberId, row.version, change.expectedVersion);
    }

    const role = change.role ?? row.role;
    const demotesActiveAdmin = row.role === 'admin' && role !== 'admin' && row.status === 'active';
    if (demotesActiveAdmin && countActiveAdmins(context.db, viewer.workspaceId) <= 1) {
      throw lastAdminError(memberId, 'change the role of');
    }

    const permissions = change.permissions ?? (JSON.parse(row.permissions) as string[]);
    const unchanged = role === row.role && row.permissions === JSON.stringify(permissions);
    if (!unchanged) {
      context.db.run(
        'UPDATE members SET role = ?, permissions = ?, version = version + 1 WHERE id = ?',
        [role, JSON.stringify(permissions), memberId],
      );
      changed = true;
    }
    return getMember(context, viewer, memberId);
  });
  if (changed) publishMember(context, viewer.workspaceId, member);
  return member;
}

/**
 * Removes a member, or revokes a pending invitation. Deleting the row frees the member's seat
 * and revokes their legacy key (its row cascades). The person can be invited again.
 */
export function removeMember(context: ServiceContext, viewer: Viewer, memberId: string): void {
  requirePermission(viewer, 'removeMember');

  context.db.transaction(() => {
    const row = loadMemberRow(context, viewer, memberId);
    const isActiveAdmin = row.role === 'admin' && row.status === 'active';
    if (isActiveAdmin && countActiveAdmins(context.db, viewer.workspaceId) <= 1) {
      throw lastAdminError(memberId, 'remove');
    }
    context.db.run('DELETE FROM members WHERE id = ?', [memberId]);
  });
  publishMemberRemoved(context, viewer.workspaceId, memberId);
  publishLicenses(context, viewer.workspaceId);
}

function lastAdminError(memberId: string, verb: string): ApiError {
  return new ApiError(
    409,
    'last_admin',
    `Cannot ${verb} ${memberId}: a workspace keeps at least one active admin. ` +
      'Make another member an admin first.',
  );
}

function checkPermissions(context: ServiceContext, viewer: Viewer, permissions: string[]): void {
  const { plan } = loadWorkspace(context, viewer.workspaceId);
  if (!PLANS_WITH_ADVANCED_PERMISSIONS.includes(plan)) {
    throw new ApiError(
      409,
      'permissions_unavailable',
      `The ${plan} plan of workspace ${viewer.workspaceId} does not offer advanced ` +
        'permissions. Change only the role, or upgrade the plan.',
    );
  }

  const known = new Set(PERMISSION_CATALOG.map((permission) => permission.id));
  const index = permissions.findIndex((permission) => !known.has(permission));
  if (index !== -1) {
    throw invalidField(
      `permissions.${index}`,
      `Unknown permission "${permissions[index]}". Use an id from GET /permissions.`,
    );
  }
}

/**
 * Builds the 412 for an `If-Match` version that is not the member's current one. Only an older
 * version means that someone changed the member since it was read.
 */
function versionConflictError(memberId: string, current: number, expected: number): ApiError {
  const reason =
    expected < current
      ? 'Someone changed it after you read it.'
      : `Version ${expected} is not a version this member has had.`;
  return new ApiError(
    412,
    'version_conflict',
    `Member ${memberId} is at version ${current}, not ${expected}. ${reason} ` +
      'Read the member again and reapply the change.',
  );
}
