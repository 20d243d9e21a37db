import type { WorkspaceEvent } from '../client/workspace-event-reader.js';
import type { Member } from '../schemas/member.js';
import { matchesMemberQuery, memberSortValue } from './member-query-match.js';
import type { WorkspaceStoreState } from './workspace-store-state.js';

/** The parts of a store that live events change. */
export interface LiveEventTarget {
  readonly state: WorkspaceStoreState;
  putMember(member: Member): void;
  dropMember(memberId: string): void;
  /** Reads the loaded part of the member list again; bursts coalesce into one read. */
  rereadMembers(): void;
  reloadLicenses(): void;
  reloadMigration(): void;
  reloadWorkspace(): void;
  /** Reads everything the store has loaded again, for a `reset`. */
  reloadAll(): void;
}

/**
 * Applies one event of the workspace's stream to a store.
 *
 * A loaded member is replaced when the event carries a newer version, so the echo of the
 * store's own change, which it already applied from the response, changes nothing. The member
 * leaves the list when it no longer matches the filters. When its sort value changed, or when
 * the member is not loaded, the loaded part of the list is read again: a client cannot tell
 * whether a member it has not loaded was already counted in `total`, or where the server's
 * order puts a member between two pages, so it leaves both to the server and keeps the
 * number of members loaded.
 */
export function applyLiveEvent(target: LiveEventTarget, event: WorkspaceEvent): void {
  switch (event.type) {
    case 'member':
      applyMember(target, event.member);
      break;
    case 'member-removed':
      applyRemoval(target, event.memberId);
      break;
    case 'licenses':
      if (target.state.licenses !== null) target.reloadLicenses();
      break;
    case 'reset':
      target.reloadAll();
      break;
  }
}

function applyMember(target: LiveEventTarget, member: Member): void {
  const { members, workspace } = target.state;
  const loaded = members.items.find((item) => item.id === member.id);
  if (affectsMigration(target.state, member.id) || member.legacyKey !== null) {
    if (target.state.migration !== null) target.reloadMigration();
  }
  if (member.id === workspace?.viewer.memberId) target.reloadWorkspace();

  if (loaded === undefined) {
    const couldBeListed = members.nextCursor !== null || matchesMemberQuery(member, members.query);
    if (couldBeListed) target.rereadMembers();
    return;
  }
  if (member.version <= loaded.version) return;

  if (!matchesMemberQuery(member, members.query)) {
    target.dropMember(member.id);
  } else if (memberSortValue(member, members.query) !== memberSortValue(loaded, members.query)) {
    target.putMember(member);
    target.rereadMembers();
  } else {
    target.putMember(member);
  }
}

function applyRemoval(target: LiveEventTarget, memberId: string): void {
  const { members, migration } = target.state;
  if (migration !== null && affectsMigration(target.state, memberId)) target.reloadMigration();

  const loaded = members.items.some((item) => item.id === memberId);
  if (loaded) target.dropMember(memberId);
  // A member who was not loaded may still have been counted in `total`.
  else if (members.nextCursor !== null) target.rereadMembers();
}

function affectsMigration(state: WorkspaceStoreState, memberId: string): boolean {
  return state.migration?.members.some((entry) => entry.memberId === memberId) ?? false;
}
