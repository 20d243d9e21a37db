import type { MemberSortKey } from '../../sdk/schemas/members-query.js';
import { countMembersFromTotals } from '../storage/member-counts.js';
import {
  hasMemberSearchIndex,
  isTrigramSearchable,
  toTrigramPhrase,
} from '../storage/member-search-index.js';
import { normalizeName } from '../storage/member-rows.js';
import type { SqlDatabase, SqlValue } from '../storage/sql-database.js';
import type { MemberListQuery } from './member-list.js';

/**
 * The largest number of matching members that a page query reads in full and sorts. Reading
 * a member for its sort value costs about 1 µs on 100,000 members (bench/server.bench.ts on
 * 2 cores). With more matches the page walks the index of its sort order instead and skips
 * the members that do not match, which reads about `limit * members / matches` entries.
 *
 * NOTE: walking reads every entry before the first match. Many matches that cluster at the
 * far end of the sort order, such as a common first name late in the alphabet, therefore
 * walk up to the whole workspace, which takes about 10 ms on 100,000 members.
 */
export const SORT_MATCHES_LIMIT = 2500;

/** The members a list query selects, and how many there are. */
export interface MemberSelection {
  total: number;
  /** The `FROM` clause of the page query, with the members as `m`. */
  from: string;
  /** The `WHERE` conditions of the page query, joined with `AND`. */
  where: string;
  params: SqlValue[];
  /**
   * Whether the page query should read every selected member and sort them, in place of
   * walking the index of the sort order. `listMembers` then writes the order as `+column`.
   */
  sortsSelection: boolean;
}

/** The method that matches the search text. */
type SearchMethod = 'none' | 'trigram index' | 'scan';

/** A column that a filter of the members list compares with a value. */
type FilterColumn = 'role' | 'status' | 'license_id';

const ALL_FILTER_COLUMNS: ReadonlySet<FilterColumn> = new Set(['role', 'status', 'license_id']);

/**
 * Counts the members that a list query selects and builds the conditions of its page query.
 *
 * The total of role, status and license filters comes from `member_counts`. Search text of
 * three or more characters is looked up in the trigram index when the database has one.
 * Shorter text, or any text without the index, is matched with `instr()` on every member of
 * the workspace. Both compare the lower-case text with `name_normalized` and
 * `email_normalized`, so they select the same members.
 *
 * The page's conditions then steer SQLite's choice of index with the count in hand: up to
 * `SORT_MATCHES_LIMIT` matches are read through the filter or the search index and sorted,
 * and more are found by walking the index of the sort order. A `+` before a column keeps
 * SQLite from using an index for that condition.
 */
export function selectMembers(
  db: SqlDatabase,
  workspaceId: string,
  query: MemberListQuery,
  sortKey: MemberSortKey,
): MemberSelection {
  const text = normalizeSearchText(query.query);
  const method = searchMethod(db, text);

  const total = countSelection(db, workspaceId, query, text, method);
  const few = total <= SORT_MATCHES_LIMIT;
  if (method === 'trigram index' && few) {
    const page = buildConditions(workspaceId, query, {
      search: trigramMatch(text),
      indexedColumns: ALL_FILTER_COLUMNS,
    });
    // CROSS JOIN makes SQLite start at the index's matches and read each member by rowid.
    const from = 'member_search CROSS JOIN members m ON m.rowid = member_search.rowid';
    return { total, from, ...page, sortsSelection: true };
  }

  // A filter's index continues with the name, so it yields the default order by itself.
  const filtered =
    query.role !== undefined || query.status !== undefined || query.license !== undefined;
  const page = buildConditions(workspaceId, query, {
    search: searchCondition(text, method),
    indexedColumns: few || sortKey === 'name' ? ALL_FILTER_COLUMNS : sortOrderColumns(sortKey),
  });
  return {
    total,
    from: 'members m',
    ...page,
    sortsSelection: few && filtered && sortKey !== 'name',
  };
}

/**
 * Counts the members a list query selects. Role, status and license alone are read from
 * `member_counts`. A trigram search checks each match's workspace in `members_by_workspace`,
 * whose entries end with the rowid, so no member row is read. That check is left out when
 * the workspace has every member of the database, as with one workspace per database.
 */
function countSelection(
  db: SqlDatabase,
  workspaceId: string,
  query: MemberListQuery,
  text: string,
  method: SearchMethod,
): number {
  const onlySearched =
    query.role === undefined &&
    query.status === undefined &&
    query.license === undefined &&
    query.legacyKey === undefined;
  if (method === 'none' && query.legacyKey === undefined) {
    return countMembersFromTotals(db, workspaceId, query);
  }
  if (method === 'trigram index' && onlySearched && hasEveryMember(db, workspaceId)) {
    // Every match is a member of this workspace, so the index counts them by itself.
    const row = db.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM member_search WHERE member_search MATCH ?',
      [toTrigramPhrase(text)],
    );
    return row?.count ?? 0;
  }
  const trigram = method === 'trigram index';
  const counted = buildConditions(workspaceId, query, {
    search: trigram ? trigramMatch(text) : searchCondition(text, method),
    indexedColumns: ALL_FILTER_COLUMNS,
  });
  const from = trigram
    ? `member_search CROSS JOIN members m INDEXED BY members_by_workspace
       ON m.rowid = member_search.rowid`
    : 'members m';
  const row = db.get<{ count: number }>(
    `SELECT COUNT(*) AS count FROM ${from} WHERE ${counted.where}`,
    counted.params,
  );
  return row?.count ?? 0;
}

/** Tells whether every member of the database belongs to the workspace. */
function hasEveryMember(db: SqlDatabase, workspaceId: string): boolean {
  const row = db.get<{ everyone: number; workspace: number }>(
    `SELECT coalesce(sum(count), 0) AS everyone,
       coalesce(sum(CASE WHEN workspace_id = ? THEN count END), 0) AS workspace
     FROM member_counts`,
    [workspaceId],
  );
  return row !== undefined && row.everyone === row.workspace;
}

/**
 * Returns the search text as the list compares it: trimmed and in lower case, the same way
 * names and emails are stored in `name_normalized` and `email_normalized`. Empty means no
 * search.
 */
export function normalizeSearchText(text: string | undefined): string {
  return text === undefined ? '' : normalizeName(text.trim());
}

function searchMethod(db: SqlDatabase, text: string): SearchMethod {
  if (text === '') return 'none';
  return isTrigramSearchable(text) && hasMemberSearchIndex(db) ? 'trigram index' : 'scan';
}

/** Returns the condition on `member_search` that matches the text as a substring. */
function trigramMatch(text: string): { sql: string; params: SqlValue[] } {
  return { sql: 'member_search MATCH ?', params: [toTrigramPhrase(text)] };
}

/**
 * Returns the condition that matches the search text on `members m` while the page walks an
 * index of members. With the trigram index, `+` keeps SQLite walking that index and checking
 * each member against the index's matches.
 */
function searchCondition(
  text: string,
  method: SearchMethod,
): { sql: string; params: SqlValue[] } | undefined {
  switch (method) {
    case 'none':
      return undefined;
    case 'trigram index':
      return {
        sql: '+m.rowid IN (SELECT rowid FROM member_search WHERE member_search MATCH ?)',
        params: [toTrigramPhrase(text)],
      };
    case 'scan':
      return {
        sql: '(instr(m.name_normalized, ?) > 0 OR instr(m.email_normalized, ?) > 0)',
        params: [text, text],
      };
  }
}

/**
 * Returns the filter columns that may use their index while the page walks the index of a
 * sort order other than the name: only the role, whose index continues with the id.
 */
function sortOrderColumns(sortKey: MemberSortKey): ReadonlySet<FilterColumn> {
  return sortKey === 'role' ? new Set(['role']) : new Set();
}

function buildConditions(
  workspaceId: string,
  query: MemberListQuery,
  options: {
    search: { sql: string; params: SqlValue[] } | undefined;
    indexedColumns: ReadonlySet<FilterColumn>;
  },
): { where: string; params: SqlValue[] } {
  const conditions = ['m.workspace_id = ?'];
  const params: SqlValue[] = [workspaceId];
  const column = (name: FilterColumn) => `${options.indexedColumns.has(name) ? '' : '+'}m.${name}`;

  if (options.search !== undefined) {
    conditions.push(options.search.sql);
    params.push(...options.search.params);
  }
  if (query.role !== undefined) {
    conditions.push(`${column('role')} = ?`);
    params.push(query.role);
  }
  if (query.status !== undefined) {
    conditions.push(`${column('status')} = ?`);
    params.push(query.status);
  }
  if (query.license === 'none') {
    conditions.push(`${column('license_id')} IS NULL`);
  } else if (query.license === 'any') {
    // Members with any license span one index range per pool, so this never uses the index.
    conditions.push('+m.license_id IS NOT NULL');
  } else if (query.license !== undefined) {
    conditions.push(`${column('license_id')} = ?`);
    params.push(query.license);
  }
  if (query.legacyKey !== undefined) {
    const not = query.legacyKey === 'true' ? '' : 'NOT ';
    conditions.push(`${not}EXISTS (SELECT 1 FROM legacy_keys k2 WHERE k2.member_id = m.id)`);
  }
  return { where: conditions.join(' AND '), params };
}
