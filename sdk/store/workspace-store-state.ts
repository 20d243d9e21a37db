import type { UnauthorizedError } from '../errors/unauthorized-error.js';
import type { LiveStatus } from './live-connection.js';
import type { Licenses } from '../schemas/license.js';
import type { Member } from '../schemas/member.js';
import type { MembersQuery } from '../schemas/members-query.js';
import type { Migration } from '../schemas/migration.js';
import type { PermissionCatalog } from '../schemas/permissions.js';
import type { WorkspaceInfo } from '../schemas/workspace.js';

/** The filters and sort of the member list; the store manages the cursor itself. */
export type MembersListQuery = Omit<MembersQuery, 'cursor'>;

/** The member list as loaded for the current query: the first page and any later ones. */
export interface MembersState {
  readonly query: MembersListQuery;
  /** The members of every page loaded so far, in the server's order. */
  readonly items: readonly Member[];
  /** How many members match the query on the server, loaded or not. */
  readonly total: number;
  /** The cursor of the next page, or `null` when every page is loaded. */
  readonly nextCursor: string | null;
  /** Whether the first page of the current query is being loaded. */
  readonly loading: boolean;
  /** Whether a later page is being loaded by `loadMore()`. */
  readonly loadingMore: boolean;
  /** The error of the last list request, or `null` when it succeeded. */
  readonly error: Error | null;
}

/**
 * A snapshot of one workspace as the store last loaded it. The store replaces the whole object on
 * each change and never mutates it, so a view can compare snapshots by identity.
 */
export interface WorkspaceStoreState {
  /** The workspace and the signed-in viewer, or `null` until loaded. */
  readonly workspace: WorkspaceInfo | null;
  readonly members: MembersState;
  /** The license pools and the active-license count, or `null` until loaded. */
  readonly licenses: Licenses | null;
  /** The legacy-key migration, or `null` until `loadMigration()` has succeeded. */
  readonly migration: Migration | null;
  /** The advanced-permission catalog, or `null` until `loadPermissions()` has succeeded. */
  readonly permissions: PermissionCatalog | null;
  /** Whether `load()` or `refresh()` is running. */
  readonly loading: boolean;
  /** The error of the last `load()`, `refresh()` or other load, or `null`. */
  readonly error: Error | null;
  /** The members with a change in flight, so that views can disable their controls. */
  readonly pendingMemberIds: ReadonlySet<string>;
  /**
   * The first `UnauthorizedError` of the requests that failed since the last successful one,
   * or `null`. It stays the same object while further requests fail with 401, so a view can
   * ask the user to sign in again once for the whole burst.
   */
  readonly unauthorized: UnauthorizedError | null;
  /** The state of the live updates from the workspace's event stream; see `LiveStatus`. */
  readonly live: LiveStatus;
  /**
   * Why the event stream last failed or stopped, or an event that did not match the contract
   * and was skipped; `null` after the stream opened again.
   */
  readonly liveError: Error | null;
}

export const INITIAL_MEMBERS_STATE: MembersState = Object.freeze({
  query: Object.freeze({}),
  items: Object.freeze([]),
  total: 0,
  nextCursor: null,
  loading: false,
  loadingMore: false,
  error: null,
});

export const INITIAL_STATE: WorkspaceStoreState = Object.freeze({
  workspace: null,
  members: INITIAL_MEMBERS_STATE,
  licenses: null,
  migration: null,
  permissions: null,
  loading: false,
  error: null,
  pendingMemberIds: new Set<string>(),
  unauthorized: null,
  live: 'off',
  liveError: null,
});
