import { countActiveLicenses } from '../../sdk/domain/active-license-count.js';
import type { Licenses, LicensePool } from '../../sdk/schemas/license.js';
import type { Member } from '../../sdk/schemas/member.js';
import { MEMBER_SELECT, toMember } from '../storage/member-rows.js';
import type { MemberRow } from '../storage/member-rows.js';
import { ApiError, invalidField } from './api-error.js';
import { publishLicenses, publishMember } from './change-events.js';
import { getMember, loadMemberRow } from './member-changes.js';
import type { ServiceContext } from './service-context.js';
import type { Viewer } from './viewer.js';
import { requirePermission } from './viewer.js';

interface PoolRow {
  id: string;
  plan: string;
  name: string;
  seats: number;
  used: number;
  expires_at: string | null;
}

/** Pools with their holders read from the counts kept by triggers (see `member_counts`). */
const POOL_SELECT = `
SELECT p.id, p.plan, p.name, p.seats, p.expires_at,
  (SELECT coalesce(sum(c.count), 0) FROM member_counts c WHERE c.license_id = p.id) AS used
FROM license_pools p`;

function toPool(row: PoolRow): LicensePool {
  return {
    id: row.id,
    plan: row.plan,
    name: row.name,
    seats: row.seats,
    used: row.used,
    expiresAt: row.expires_at,
  };
}

/** Returns the workspace's license pools and its active-license count. */
export function listLicenses(context: ServiceContext, viewer: Viewer): Licenses {
  const pools = context.db.all<PoolRow>(
    `${POOL_SELECT} WHERE p.workspace_id = ? ORDER BY p.name, p.id`,
    [viewer.workspaceId],
  );
  const members = context.db
    .all<MemberRow>(`${MEMBER_SELECT} WHERE m.workspace_id = ?`, [viewer.workspaceId])
    .map(toMember);
  return { pools: pools.map(toPool), activeLicenseCount: countActiveLicenses(members) };
}

/**
 * Checks that a pool of the workspace can give out one more seat: it exists, has not expired
 * and has a free seat. Call it inside the transaction that then takes the seat.
 */
export function checkSeatAvailable(
  context: ServiceContext,
  workspaceId: string,
  licenseId: string,
): void {
  const pool = context.db.get<PoolRow>(`${POOL_SELECT} WHERE p.workspace_id = ? AND p.id = ?`, [
    workspaceId,
    licenseId,
  ]);
  if (pool === undefined) {
    throw invalidField(
      'licenseId',
      `License pool ${licenseId} does not exist in workspace ${workspaceId}. ` +
        'Use a pool id from GET /licenses.',
    );
  }
  if (pool.expires_at !== null && Date.parse(pool.expires_at) <= context.now().getTime()) {
    throw new ApiError(
      409,
      'license_expired',
      `License pool ${licenseId} expired at ${pool.expires_at}. Choose another pool or renew it.`,
    );
  }
  if (pool.used >= pool.seats) {
    throw noSeatsError(licenseId, pool.seats);
  }
}

/** The error for a pool whose seats are all taken. */
export function noSeatsError(licenseId: string, seats?: number): ApiError {
  const used = seats === undefined ? 'all its seats' : `all ${seats} seats`;
  return new ApiError(
    409,
    'no_seats_available',
    `License pool ${licenseId} has ${used} assigned. Unassign a license or add seats first.`,
  );
}

/**
 * Assigns a license from a pool, or moves the member to it from another pool. Assigning
 * the pool the member already holds changes nothing.
 */
export function assignLicense(
  context: ServiceContext,
  viewer: Viewer,
  memberId: string,
  licenseId: string,
): Member {
  requirePermission(viewer, 'manageLicenses');

  let changed = false;
  const member = context.db.transaction(() => {
    const row = loadMemberRow(context, viewer, memberId);
    if (row.license_id === licenseId) return toMember(row);

    checkSeatAvailable(context, viewer.workspaceId, licenseId);
    context.db.run('UPDATE members SET license_id = ?, version = version + 1 WHERE id = ?', [
      licenseId,
      memberId,
    ]);
    changed = true;
    return getMember(context, viewer, memberId);
  });
  if (changed) publishSeatChange(context, viewer, member);
  return member;
}

/** Frees the member's seat. A member without a license is returned unchanged. */
export function unassignLicense(context: ServiceContext, viewer: Viewer, memberId: string): Member {
  requirePermission(viewer, 'manageLicenses');

  let changed = false;
  const member = context.db.transaction(() => {
    const row = loadMemberRow(context, viewer, memberId);
    if (row.license_id === null) return toMember(row);

    context.db.run('UPDATE members SET license_id = NULL, version = version + 1 WHERE id = ?', [
      memberId,
    ]);
    changed = true;
    return getMember(context, viewer, memberId);
  });
  if (changed) publishSeatChange(context, viewer, member);
  return member;
}

/** Deletes the member's legacy API key, the last step of the migration to auth tokens. */
export function removeLegacyKey(context: ServiceContext, viewer: Viewer, memberId: string): Member {
  requirePermission(viewer, 'removeLegacyKey');

  let changed = false;
  const member = context.db.transaction(() => {
    const row = loadMemberRow(context, viewer, memberId);
    if (row.legacy_key_hint === null) return toMember(row);

    context.db.run('DELETE FROM legacy_keys WHERE member_id = ?', [memberId]);
    context.db.run('UPDATE members SET version = version + 1 WHERE id = ?', [memberId]);
    changed = true;
    return getMember(context, viewer, memberId);
  });
  // A legacy key counts as an active license, so removing it can lower the count.
  if (changed) publishSeatChange(context, viewer, member);
  return member;
}

/** Publishes the changed member and that the seats or the active-license count changed. */
function publishSeatChange(context: ServiceContext, viewer: Viewer, member: Member): void {
  publishMember(context, viewer.workspaceId, member);
  publishLicenses(context, viewer.workspaceId);
}
