import type { MemberStatus, Role } from '../../sdk/schemas/member.js';
import type { SqlDatabase, SqlValue } from './sql-database.js';

/** The filters that `member_counts` can count: role, status and license, in any combination. */
export interface CountedFilters {
  role?: Role;
  status?: MemberStatus;
  /** A license pool id, `none` for members without a license, or `any` for those with one. */
  license?: string;
}

/**
 * Returns how many members of a workspace match the filters, from the counts that the
 * `members_count_on_*` triggers keep. It reads at most one row per combination of role,
 * status and license, so it takes the same time for 100 members as for 100,000.
 */
export function countMembersFromTotals(
  db: SqlDatabase,
  workspaceId: string,
  filters: CountedFilters,
): number {
  const conditions = ['workspace_id = ?'];
  const params: SqlValue[] = [workspaceId];
  if (filters.role !== undefined) {
    conditions.push('role = ?');
    params.push(filters.role);
  }
  if (filters.status !== undefined) {
    conditions.push('status = ?');
    params.push(filters.status);
  }
  // The counts store "no license" as the empty string.
  if (filters.license === 'none') {
    conditions.push("license_id = ''");
  } else if (filters.license === 'any') {
    conditions.push("license_id <> ''");
  } else if (filters.license !== undefined) {
    conditions.push('license_id = ?');
    params.push(filters.license);
  }
  const row = db.get<{ count: number }>(
    `SELECT coalesce(sum(count), 0) AS count FROM member_counts WHERE ${conditions.join(' AND ')}`,
    params,
  );
  return row?.count ?? 0;
}
