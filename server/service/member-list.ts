import type { MembersPage } from '../../sdk/schemas/member.js';
import { DEFAULT_PAGE_SIZE } from '../../sdk/schemas/members-query.js';
import type { MemberSort, MemberSortKey } from '../../sdk/schemas/members-query.js';
import { MEMBER_SELECT, toMember } from '../storage/member-rows.js';
import type { MemberRow } from '../storage/member-rows.js';
import { invalidField } from './api-error.js';
import { normalizeSearchText, selectMembers } from './member-filter.js';
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
 * The SQL expression each sort key orders by, each served by an index that starts with
 * `workspace_id`. Names and emails sort by their lower-case forms, and a missing `invitedAt`
 * sorts as the empty string (first when ascending).
 */
const SORT_EXPRESSIONS: Record<MemberSortKey, string> = {
  name: 'm.name_normalized',
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
 * members that stay in the list. See `selectMembers` for how the members are found and
 * counted.
 */
export function listMembers(
  context: ServiceContext,
  viewer: Viewer,
  query: MemberListQuery,
): MembersPage {
  const sort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const sortKey = sort.replace('-', '') as MemberSortKey;
  const sortExpression = SORT_EXPRESSIONS[sortKey];
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const queryHash = hashQuery(query);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, queryHash);

  const selection = selectMembers(context.db, viewer.workspaceId, query, sortKey);
  if (selection.total === 0) return { items: [], nextCursor: null, total: 0 };

  const pageConditions = [selection.where];
  const pageParams = [...selection.params];
  if (cursor !== undefined) {
    pageConditions.push(`(${sortExpression}, m.id) ${descending ? '<' : '>'} (?, ?)`);
    pageParams.push(...cursor.after);
  }

  // The inner query picks the page's rows, often from an index alone. Only those rows are
  // then joined with their keys and tokens.
  const direction = descending ? 'DESC' : 'ASC';
  const order = `ORDER BY ${sortExpression} ${direction}, m.id ${direction}`;
  // `+` keeps SQLite from walking the sort order's index in place of the selection's.
  const selectionOrder = selection.sortsSelection
    ? `ORDER BY +${sortExpression} ${direction}, +m.id ${direction}`
    : order;
  const rows = context.db.all<MemberRow & { sort_value: string }>(
    `${MEMBER_SELECT.replace('SELECT', `SELECT ${sortExpression} AS sort_value,`)}
     WHERE m.rowid IN (
       SELECT m.rowid FROM ${selection.from}
       WHERE ${pageConditions.join(' AND ')}
       ${selectionOrder}
       LIMIT ?)
     ${order}`,
    [...pageParams, limit + 1],
  );

  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined
      ? encodeCursor({ after: [last.sort_value, last.id], queryHash })
      : null;
  return { items: items.map(toMember), nextCursor, total: selection.total };
}

/** Hashes the filters and sort (FNV-1a, 32 bits), so a cursor is refused with other ones. */
function hashQuery(query: MemberListQuery): string {
  const text = JSON.stringify([
    normalizeSearchText(query.query),
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
  const cursor = parseCursorJson(text);
  // Any JSON value decodes, such as null or a number, so the shape is checked before use.
  const valid =
    typeof cursor === 'object' &&
    cursor !== null &&
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
  return { after: cursor.after as [string, string], queryHash };
}

function parseCursorJson(text: string): Partial<Cursor> | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Partial<Cursor> | null;
  } catch {
    throw invalidField('cursor', 'Use the nextCursor value of a previous page, unchanged.');
  }
}
