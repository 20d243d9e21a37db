import { msg } from '@lit/localize';

import { canPerform } from '../../sdk/domain/index.js';
import type { LicensePool, Member } from '../../sdk/schemas/index.js';
import type { Migration, MigrationStep } from '../../sdk/schemas/migration.js';
import { INITIAL_STATE, type WorkspaceStoreState } from '../../sdk/store/index.js';

/** The four steps of the move from a legacy API key to an auth token, in order. */
export const STEPS: readonly MigrationStep[] = [1, 2, 3, 4];

/** Returns the title of a step in the active locale. */
export function stepTitle(step: MigrationStep): string {
  switch (step) {
    case 1:
      return msg('Assign a license');
    case 2:
      return msg('Switch to the auth token');
    case 3:
      return msg('Auth token in use');
    case 4:
      return msg('Remove the legacy key');
  }
}

/** The content of `<ls-key-migration>`, read from one snapshot of the store. */
export interface MigrationView {
  /** Whether any load of the store has started; false for a store that is still unused. */
  requested: boolean;
  migration: Migration | null;
  workspaceName: string;
  /** Whether the viewer may assign licenses and remove keys; members have a read-only view. */
  canManageLicenses: boolean;
  canRemoveLegacyKeys: boolean;
  /** Pools that are not expired and have a free seat, which step 1 offers. */
  assignablePools: readonly LicensePool[];
  pendingMemberIds: ReadonlySet<string>;
}

export function readMigrationView(state: WorkspaceStoreState, now = Date.now()): MigrationView {
  const role = state.workspace?.viewer.role;
  const pools = state.licenses?.pools ?? [];
  return {
    requested: state !== INITIAL_STATE,
    migration: state.migration,
    workspaceName: state.workspace?.workspace.name ?? msg('the workspace'),
    canManageLicenses: role !== undefined && canPerform(role, 'manageLicenses'),
    canRemoveLegacyKeys: role !== undefined && canPerform(role, 'removeLegacyKey'),
    assignablePools: pools.filter((pool) => hasFreeSeat(pool, now)),
    pendingMemberIds: state.pendingMemberIds,
  };
}

function hasFreeSeat(pool: LicensePool, now: number): boolean {
  const expired = pool.expiresAt !== null && Date.parse(pool.expiresAt) <= now;
  return !expired && pool.used < pool.seats;
}

/**
 * Returns the newer of two records of the same member: the store updates its own copy at once
 * after a change, while the migration's copy arrives with the next load.
 */
export function newerMember(a: Member | undefined, b: Member | undefined): Member | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.version > a.version ? b : a;
}
