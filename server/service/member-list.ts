import type { MembersPage } from '../../sdk/schemas/member.js';
import { DEFAULT_PAGE_SIZE } from '../../sdk/schemas/members-query.js';
import type { MemberSort, MemberSortKey } from '../../sdk/schemas/members-query.js';
import { MEMBER_SELECT, toMember } from '../storage/member-rows.js';
import type { MemberRow } from '../storage/member-rows.js';
import type { SqlValue } from '../storage/sql-database.js';
import { invalidField } from './api-error.js';
import type { ServiceContext } from './service-context.js';
import type { Viewer } from './viewer.js';

/** The members query after validation: `limit` is already a number. */
export interface MemberListQuery {
  query?: string;
  role?: 'admin' | 'member';
  status?: 'active' | 'invited';
  license?: string;
  legacyKey?: 'true' | 'false';
  sort?: MemberSort;
  cursor?: string;
  limit?: number;
}

/**
 * The SQL expression each sort key orders by. Names and emails sort without regard to case,
 * and a missing `invitedAt` sorts as the empty string (first when ascending).
 */
const SORT_EXPRESSIONS: Record<MemberSortKey, string> = {
  name: 'lower(m.name)',
  email: 'm.email_normalized',
  invitedAt: "coalesce(m.invited_at, '')",
  role: 'm.role',
};

/** The position after the last item of a page: its sort value and id, and the query's hash. */
interface Cursor {
  after: [string, string];
  queryHash: string;
}

/**
 * Returns one page of the workspace's members. Pages use keyset pagination on
 * (sort value, id), so inserts and removals between requests neither repeat nor skip
 * members that stay in the list.
 */
export function listMembers(
  context: ServiceContext,
  viewer: Viewer,
  query: MemberListQuery,
): MembersPage {
  const sort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const sortExpression = SORT_EXPRESSIONS[sort.replace('-', '') as MemberSortKey];
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;

  const filter = buildFilter(viewer.workspaceId, query);
  const total =
    context.db.get<{ count: number }>(
      `SELECT COUNT(*) AS count FROM members m WHERE ${filter.where}`,
      filter.params,
    )?.count ?? 0;

  const queryHash = hashQuery(query);
  const pageConditions = [filter.where];
  const pageParams = [...filter.params];
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor, queryHash);
    pageConditions.push(`(${sortExpression}, m.id) ${descending ? '<' : '>'} (?, ?)`);
    pageParams.push(...cursor.after);
  }

  const direction = descending ? 'DESC' : 'ASC';
  const rows = context.db.all<MemberRow & { sort_value: string }>(
    `${MEMBER_SELECT.replace('SELECT', `SELECT ${sortExpression} AS sort_value,`)}
     WHERE ${pageConditions.join(' AND ')}
     ORDER BY ${sortExpression} ${direction}, m.id ${direction}
     LIMIT ?`,
    [...pageParams, limit + 1],
  );

  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined
      ? encodeCursor({ after: [last.sort_value, last.id], queryHash })
      : null;
  return { items: items.map(toMember), nextCursor, total };
}

function buildFilter(
  workspaceId: string,
  query: MemberListQuery,
): { where: string; params: SqlValue[] } {
  const conditions = ['m.workspace_id = ?'];
  const params: SqlValue[] = [workspaceId];

  const text = query.query?.trim().toLowerCase();
  if (text) {
    // instr() in place of LIKE, so `%` and `_` in the search text match themselves.
    conditions.push('(instr(lower(m.name), ?) > 0 OR instr(m.email_normalized, ?) > 0)');
    params.push(text, text);
  }
  if (query.role !== undefined) {
    conditions.push('m.role = ?');
    params.push(query.role);
  }
  if (query.status !== undefined) {
    conditions.push('m.status = ?');
    params.push(query.status);
  }
  if (query.license === 'none') {
    conditions.push('m.license_id IS NULL');
  } else if (query.license === 'any') {
    conditions.push('m.license_id IS NOT NULL');
  } else if (query.license !== undefined) {
    conditions.push('m.license_id = ?');
    params.push(query.license);
  }
  if (query.legacyKey !== undefined) {
    const not = query.legacyKey === 'true' ? '' : 'NOT ';
    conditions.push(`${not}EXISTS (SELECT 1 FROM legacy_keys k2 WHERE k2.member_id = m.id)`);
  }
  return { where: conditions.join(' AND '), params };
}

/** Hashes the filters and sort (FNV-1a, 32 bits), so a cursor is refused with other ones. */
function hashQuery(query: MemberListQuery): string {
  const text = JSON.stringify([
    query.query?.trim().toLowerCase() ?? '',
    query.role ?? '',
    query.status ?? '',
    query.license ?? '',
    query.legacyKey ?? '',
    query.sort ?? 'name',
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify(cursor));
  const binary = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(text: string, queryHash: string): Cursor {
  let cursor: Cursor;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    cursor = JSON.parse(new TextDecoder().decode(bytes)) as Cursor;
  } catch {
    throw invalidField('cursor', 'Use the nextCursor value of a previous page, unchanged.');
  }
  const valid =
    Array.isArray(cursor.after) &&
    cursor.after.length === 2 &&
    cursor.after.every((part) => typeof part === 'string');
  if (!valid) {
    throw invalidField('cursor', 'Use the nextCursor value of a previous page, unchanged.');
  }
  if (cursor.queryHash !== queryHash) {
    throw invalidField(
      'cursor',
      'The cursor belongs to a list with other filters or sort. Request the first page again.',
    );
  }
  return cursor;
}
