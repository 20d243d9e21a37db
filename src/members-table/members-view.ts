import { canPerform } from '../../sdk/domain/index.js';
import type { LicensePool, Member, PermissionCatalog } from '../../sdk/schemas/index.js';
import {
  INITIAL_STATE,
  type MembersListQuery,
  type WorkspaceStoreState,
} from '../../sdk/store/index.js';

/** The content of `<ls-members-table>`, read from one snapshot of the store. */
export interface MembersView {
  /** Whether any load of the store has started; false for a store that is still unused. */
  requested: boolean;
  items: readonly Member[];
  /** The number of members matching the query, or `null` before the first page arrived. */
  total: number | null;
  hasMore: boolean;
  /** Whether the first page of the current query is loading. */
  loading: boolean;
  loadingMore: boolean;
  /** The error to show, or `null`. */
  error: Error | null;
  /** The text search of the current query, `''` when there is none. */
  query: string;
  /** The whole query of the list: search, filters and sort. */
  listQuery: MembersListQuery;
  pools: ReadonlyMap<string, LicensePool>;
  /** Whether the viewer may assign and unassign licenses; members have a read-only view. */
  canManageLicenses: boolean;
  /** Whether the viewer may change roles, permissions, remove members and manage invitations. */
  canManageMembers: boolean;
  /** The member id of the signed-in viewer, or `null` before the workspace loaded. */
  viewerId: string | null;
  /** The advanced-permission catalog, or `null` until loaded. */
  permissions: PermissionCatalog | null;
  pendingMemberIds: ReadonlySet<string>;
}

export function readMembersView(state: WorkspaceStoreState): MembersView {
  const { members } = state;
  const requested = state !== INITIAL_STATE;
  // `load()` marks the whole store as loading before it starts the member list.
  const loading = members.loading || (state.loading && members.items.length === 0);
  const firstPageArrived = requested && !loading && members.error === null;
  const pools = new Map((state.licenses?.pools ?? []).map((pool) => [pool.id, pool]));
  const role = state.workspace?.viewer.role;

  return {
    requested,
    items: members.items,
    total: firstPageArrived || members.items.length > 0 ? members.total : null,
    hasMore: members.nextCursor !== null,
    loading,
    loadingMore: members.loadingMore,
    error: members.error ?? missingDataError(state),
    query: members.query.query ?? '',
    listQuery: members.query,
    pools,
    canManageLicenses: role !== undefined && canPerform(role, 'manageLicenses'),
    canManageMembers: role !== undefined && canPerform(role, 'removeMember'),
    viewerId: state.workspace?.viewer.memberId ?? null,
    permissions: state.permissions,
    pendingMemberIds: state.pendingMemberIds,
  };
}

/**
 * Returns the store's general error while the workspace or the licenses that the table needs
 * are missing. An error of an unrelated load, such as the migration, is not the table's.
 */
function missingDataError(state: WorkspaceStoreState): Error | null {
  if (state.workspace !== null && state.licenses !== null) return null;
  return state.error;
}
