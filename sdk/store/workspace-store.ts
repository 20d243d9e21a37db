import type { IdempotentChange, WorkspaceClient } from '../client/workspace-client.js';
import { isHttpError } from '../errors/http-error.js';
import { isLsAdminError } from '../errors/ls-admin-error.js';
import { isUnauthorizedError } from '../errors/unauthorized-error.js';
import type { InvitationRequest } from '../schemas/invitation.js';
import type { MemberUpdate } from '../schemas/member-update.js';
import type { Member } from '../schemas/member.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schemas/members-query.js';
import { CoalescedTask } from './coalesced-task.js';
import { LiveConnection } from './live-connection.js';
import { applyLiveEvent, type LiveEventTarget } from './live-events.js';
import { ListenerSet, type ListenerErrorHandler, type StateListener } from './listener-set.js';
import { appendMembers, replaceMember, withoutMember } from './member-items.js';
import { RequestSequence } from './request-sequence.js';
import { watchClient } from './watched-client.js';
import {
  INITIAL_STATE,
  type MembersListQuery,
  type MembersState,
  type WorkspaceStoreState,
} from './workspace-store-state.js';

/** Options of a `WorkspaceStore`. */
export interface WorkspaceStoreOptions {
  /** Receives errors thrown by listeners. Defaults to the platform's `reportError`. */
  onListenerError?: ListenerErrorHandler;
  /**
   * Whether to apply other admins' changes as they happen, from the workspace's event
   * stream. Default: `true` where the platform can read a streamed response (`ReadableStream`
   * and `TextDecoder`). See `WorkspaceStore` for when the stream is open.
   */
  liveUpdates?: boolean;
}

/**
 * Caches one workspace for every view on a page and applies changes through the client.
 *
 * Loads (`load`, `refresh`, `setQuery`, `loadMore`, `loadMigration`, `loadPermissions`)
 * never reject: they record their error in the state. Changes (`invite`, `remove`, …)
 * resolve with the server's response, or roll back any optimistic update and reject with the
 * client's error, so that the view that started them can show it.
 *
 * With `liveUpdates`, the store keeps the workspace's event stream open while it has at least
 * one subscriber and `load()` or `refresh()` has run, and applies each change as it arrives:
 * a newer version of a loaded member replaces it, a removed member leaves the list, a change
 * to a member that is not loaded reads the loaded part of the list again, and a `reset` reads
 * everything again. `state.live` shows the stream's state. `close()` stops it for good.
 */
export class WorkspaceStore {
  /**
   * The client that the store sends its requests through. Calls made through it directly,
   * such as `store.client.getOwnAuthToken()`, update `state.unauthorized` as well.
   */
  readonly client: WorkspaceClient;
  #state: WorkspaceStoreState = INITIAL_STATE;
  readonly #listeners: ListenerSet<WorkspaceStoreState>;
  readonly #workspaceRequests = new RequestSequence();
  readonly #membersRequests = new RequestSequence();
  readonly #licensesRequests = new RequestSequence();
  readonly #migrationRequests = new RequestSequence();
  readonly #live: LiveConnection | null;
  #listenerCount = 0;
  #loaded = false;
  #closed = false;
  /** Set when the stream stopped for good, such as after a 403, until the next load. */
  #liveStopped = false;
  #liveSyncQueued = false;
  readonly #membersReread = new CoalescedTask(() => this.#rereadMembers());
  readonly #licensesReload = new CoalescedTask(() => this.#recordFailure(this.#loadLicenses()));
  readonly #migrationReload = new CoalescedTask(() => this.#recordFailure(this.#loadMigration()));
  readonly #workspaceReload = new CoalescedTask(() => this.#recordFailure(this.#loadWorkspace()));

  constructor(client: WorkspaceClient, options: WorkspaceStoreOptions = {}) {
    this.client = watchClient(client, (error) => this.#recordSession(error));
    this.#listeners = new ListenerSet(options.onListenerError);
    const liveUpdates = options.liveUpdates ?? canStream();
    this.#live = liveUpdates ? this.#createLiveConnection() : null;
  }

  /** The current snapshot; replaced, never mutated, on each change. */
  get state(): WorkspaceStoreState {
    return this.#state;
  }

  get workspaceId(): string {
    return this.client.workspaceId;
  }

  /**
   * Calls `listener` with the new state after each change, not at once. Returns a function
   * that unsubscribes it.
   */
  subscribe(listener: StateListener<WorkspaceStoreState>): () => void {
    const remove = this.#listeners.add(listener);
    this.#listenerCount += 1;
    this.#syncLive();
    let subscribed = true;
    return () => {
      remove();
      if (!subscribed) return;
      subscribed = false;
      this.#listenerCount -= 1;
      this.#syncLive();
    };
  }

  /**
   * Stops the live updates for good. The store keeps working without them; call it when the
   * store is no longer used, such as when a view replaces it.
   */
  close(): void {
    this.#closed = true;
    this.#live?.stop();
  }

  /** Loads the workspace, the first page of members for the current query and the licenses. */
  async load(): Promise<void> {
    this.#update({ loading: true, error: null });
    const results = await Promise.allSettled([
      this.#loadWorkspace(),
      this.#loadFirstPage(),
      this.#loadLicenses(),
    ]);
    this.#finishLoad(results);
    this.#markLoaded();
  }

  /**
   * Loads again what `load()` loads, and the migration when it was loaded before. The
   * member list starts again from its first page.
   */
  async refresh(): Promise<void> {
    this.#update({ loading: true, error: null });
    const loads = [this.#loadWorkspace(), this.#loadFirstPage(), this.#loadLicenses()];
    if (this.#state.migration !== null) loads.push(this.#loadMigration());
    this.#finishLoad(await Promise.allSettled(loads));
    this.#markLoaded();
  }

  /**
   * Replaces the filters and sort of the member list and loads its first page. A response
   * for an earlier query that arrives later is discarded.
   */
  async setQuery(query: MembersListQuery): Promise<void> {
    this.#updateMembers({ query: Object.freeze({ ...query }) });
    await this.#loadFirstPage();
  }

  /** Loads the next page of members, unless every page is loaded or a load is running. */
  async loadMore(): Promise<void> {
    const members = this.#state.members;
    if (members.nextCursor === null || members.loading || members.loadingMore) return;

    // Sharing the sequence with first-page loads discards this page when the query changes.
    const request = this.#membersRequests.next();
    this.#updateMembers({ loadingMore: true, error: null });
    try {
      const page = await this.client.listMembers({
        ...members.query,
        cursor: members.nextCursor,
      });
      if (!this.#membersRequests.isLatest(request)) return;
      this.#updateMembers({
        items: appendMembers(this.#state.members.items, page.items),
        total: page.total,
        nextCursor: page.nextCursor,
        loadingMore: false,
      });
    } catch (error) {
      if (!this.#membersRequests.isLatest(request)) return;
      this.#updateMembers({ loadingMore: false, error: toError(error) });
    }
  }

  /** Loads the legacy-key migration. */
  async loadMigration(): Promise<void> {
    try {
      await this.#loadMigration();
    } catch (error) {
      this.#update({ error: toError(error) });
    }
  }

  /** Loads the advanced-permission catalog. */
  async loadPermissions(): Promise<void> {
    try {
      const permissions = await this.client.getPermissionCatalog();
      this.#update({ permissions });
    } catch (error) {
      this.#update({ error: toError(error) });
    }
  }

  /**
   * Invites a person. The member list and the licenses are loaded again afterwards, because
   * only the server knows where the new member sorts and whether the query matches them. They
   * are also loaded again when the request got no readable response, because the server may
   * have stored the invitation. The call still rejects with that error.
   */
  async invite(request: InvitationRequest, options?: IdempotentChange): Promise<Member> {
    let member: Member;
    try {
      member = await this.client.invite(request, options);
    } catch (error) {
      if (!isHttpError(error)) await this.#afterInvite();
      throw error;
    }
    await this.#afterInvite();
    return member;
  }

  /** Removes a member, which also frees their seat and revokes their legacy key. */
  async remove(memberId: string): Promise<void> {
    await this.#whilePending(memberId, () => this.client.removeMember(memberId));
    this.#dropMember(memberId);
    await this.#afterSeatsMoved();
  }

  /** Revokes a pending invitation, which frees any seat it held. */
  async revoke(memberId: string): Promise<void> {
    await this.#whilePending(memberId, () => this.client.revokeInvitation(memberId));
    this.#dropMember(memberId);
    await this.#afterSeatsMoved();
  }

  /** Sends a pending invitation again, which moves its expiry. */
  async resend(memberId: string): Promise<Member> {
    const member = await this.#whilePending(memberId, () => this.client.resendInvitation(memberId));
    this.#putMember(member);
    return member;
  }

  /**
   * Changes a member's role or permissions, showing the change at once. Uses the version of
   * the member as loaded unless `version` is given; a stale one rejects with
   * `version_conflict` and the change is rolled back.
   */
  async updateMember(
    memberId: string,
    update: MemberUpdate,
    options: { version?: number } = {},
  ): Promise<Member> {
    const before = this.#findMember(memberId);
    const version = options.version ?? before?.version;
    if (version === undefined) {
      throw new TypeError(
        `Member '${memberId}' is not loaded in this store, so its version is unknown; ` +
          'pass { version } as read from the server.',
      );
    }

    const optimistic = before && { ...before, ...definedFields(update) };
    const member = await this.#optimistically(memberId, before, optimistic, () =>
      this.client.updateMember(memberId, update, { version }),
    );
    // A viewer who changed their own role gets other permissions, so the viewer is reloaded.
    if (memberId === this.#state.workspace?.viewer.memberId) {
      await this.#loadWorkspace().catch((error: unknown) => {
        this.#update({ error: toError(error) });
      });
    }
    return member;
  }

  /** Assigns a license, or moves the member to another pool. */
  async assignLicense(memberId: string, licenseId: string): Promise<Member> {
    const member = await this.#whilePending(memberId, () =>
      this.client.assignLicense(memberId, licenseId),
    );
    this.#putMember(member);
    await this.#afterSeatsMoved();
    return member;
  }

  /** Unassigns the member's license, showing it as gone at once. */
  async unassignLicense(memberId: string): Promise<Member> {
    const before = this.#findMember(memberId);
    const optimistic = before && { ...before, licenseId: null };
    const member = await this.#optimistically(memberId, before, optimistic, () =>
      this.client.unassignLicense(memberId),
    );
    await this.#afterSeatsMoved();
    return member;
  }

  /** Removes the member's legacy API key, the last step of the migration. */
  async removeLegacyKey(memberId: string): Promise<Member> {
    const member = await this.#whilePending(memberId, () => this.client.removeLegacyKey(memberId));
    this.#putMember(member);
    await this.#afterSeatsMoved();
    return member;
  }

  #createLiveConnection(): LiveConnection {
    const target: LiveEventTarget = {
      get state() {
        return store.state;
      },
      putMember: (member) => this.#putMember(member),
      dropMember: (memberId) => this.#dropMember(memberId),
      rereadMembers: () => void this.#membersReread.run(),
      reloadLicenses: () => void this.#licensesReload.run(),
      reloadMigration: () => void this.#migrationReload.run(),
      reloadWorkspace: () => void this.#workspaceReload.run(),
      reloadAll: () => {
        void this.#workspaceReload.run();
        void this.#licensesReload.run();
        if (this.#state.migration !== null) void this.#migrationReload.run();
        void this.#membersReread.run();
      },
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter above needs it
    const store = this;
    return new LiveConnection(this.client, {
      onEvent: (event) => applyLiveEvent(target, event),
      onStatus: (live, error) => {
        if (live === 'off' && error !== null) this.#liveStopped = true;
        const liveError = live === 'open' ? null : (error ?? this.#state.liveError);
        this.#update({ live, liveError });
      },
      onInvalidEvent: (error) => this.#update({ liveError: error }),
    });
  }

  #markLoaded(): void {
    this.#loaded = true;
    this.#liveStopped = false;
    this.#syncLive();
  }

  /**
   * Opens or closes the event stream to match the store's use. The check waits for a
   * microtask, so that an element that moves in the page, which unsubscribes and subscribes
   * again at once, keeps its stream.
   */
  #syncLive(): void {
    if (this.#live === null || this.#liveSyncQueued) return;
    this.#liveSyncQueued = true;
    queueMicrotask(() => {
      this.#liveSyncQueued = false;
      const live = this.#live;
      if (live === null) return;
      const wanted = this.#loaded && this.#listenerCount > 0 && !this.#closed;
      if (wanted && !this.#liveStopped) live.start();
      else if (!wanted) live.stop();
    });
  }

  /**
   * Reads the members of the current query again, as many as are loaded now (at least one
   * page), with as few requests as the page size limit allows, and replaces the list without
   * showing it as loading. A newer load of the list discards this one.
   */
  async #rereadMembers(): Promise<void> {
    const request = this.#membersRequests.next();
    const { query, items: loaded } = this.#state.members;
    const pageSize = typeof query.limit === 'number' ? query.limit : DEFAULT_PAGE_SIZE;
    const wanted = Math.max(loaded.length, pageSize);
    const items: Member[] = [];
    let cursor: string | undefined;
    try {
      for (;;) {
        const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, wanted - items.length));
        const page = await this.client.listMembers({ ...query, cursor, limit });
        if (!this.#membersRequests.isLatest(request)) return;
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        if (cursor === undefined || items.length >= wanted) {
          this.#updateMembers({
            items: appendMembers([], items),
            total: page.total,
            nextCursor: page.nextCursor,
            loading: false,
            loadingMore: false,
            error: null,
          });
          return;
        }
      }
    } catch (error) {
      if (!this.#membersRequests.isLatest(request)) return;
      this.#updateMembers({ loading: false, loadingMore: false, error: toError(error) });
    }
  }

  /** Waits for a reload and records its failure in the state instead of rejecting. */
  async #recordFailure(load: Promise<void>): Promise<void> {
    try {
      await load;
    } catch (error) {
      this.#update({ error: toError(error) });
    }
  }

  async #afterInvite(): Promise<void> {
    await Promise.allSettled([this.#loadFirstPage(), this.#loadLicenses()]);
  }

  async #loadWorkspace(): Promise<void> {
    const request = this.#workspaceRequests.next();
    const workspace = await this.client.getWorkspace();
    if (this.#workspaceRequests.isLatest(request)) this.#update({ workspace });
  }

  async #loadFirstPage(): Promise<void> {
    const request = this.#membersRequests.next();
    const query = this.#state.members.query;
    this.#updateMembers({ loading: true, loadingMore: false, error: null });
    try {
      const page = await this.client.listMembers(query);
      if (!this.#membersRequests.isLatest(request)) return;
      this.#updateMembers({
        items: page.items,
        total: page.total,
        nextCursor: page.nextCursor,
        loading: false,
      });
    } catch (error) {
      if (!this.#membersRequests.isLatest(request)) return;
      this.#updateMembers({ loading: false, error: toError(error) });
    }
  }

  async #loadLicenses(): Promise<void> {
    const request = this.#licensesRequests.next();
    const licenses = await this.client.listLicenses();
    if (this.#licensesRequests.isLatest(request)) this.#update({ licenses });
  }

  async #loadMigration(): Promise<void> {
    const request = this.#migrationRequests.next();
    const migration = await this.client.getMigration();
    if (this.#migrationRequests.isLatest(request)) this.#update({ migration });
  }

  /**
   * Loads the licenses again after a change that can move seats or the active-license
   * count, and the migration when a view uses it. The change itself already succeeded, so
   * a failed reload is recorded in the state instead of rejecting.
   */
  async #afterSeatsMoved(): Promise<void> {
    const loads = [this.#loadLicenses()];
    if (this.#state.migration !== null) loads.push(this.#loadMigration());
    const failure = (await Promise.allSettled(loads)).find(
      (result) => result.status === 'rejected',
    );
    if (failure) this.#update({ error: toError(failure.reason) });
  }

  #finishLoad(results: PromiseSettledResult<void>[]): void {
    const failure = results.find((result) => result.status === 'rejected');
    this.#update({ loading: false, error: failure ? toError(failure.reason) : null });
  }

  /**
   * Shows `optimistic` in place of `before` while `change` runs, then the server's response.
   * On failure it puts `before` back, unless something newer replaced the member meanwhile.
   */
  async #optimistically(
    memberId: string,
    before: Member | undefined,
    optimistic: Member | undefined,
    change: () => Promise<Member>,
  ): Promise<Member> {
    if (optimistic) this.#putMember(optimistic);
    try {
      const member = await this.#whilePending(memberId, change);
      this.#putMember(member);
      return member;
    } catch (error) {
      if (before && this.#findMember(memberId) === optimistic) this.#putMember(before);
      throw error;
    }
  }

  async #whilePending<T>(memberId: string, change: () => Promise<T>): Promise<T> {
    this.#setPending(memberId, true);
    try {
      return await change();
    } catch (error) {
      await this.#reconcile(memberId, error);
      throw error;
    } finally {
      this.#setPending(memberId, false);
    }
  }

  /**
   * Brings the state in line with the server after a change failed. When the change got no
   * readable response (a timeout, a network error or an unreadable body), the server may have
   * applied it, so the member and the licenses are read back, and a member who is gone is
   * dropped. When the server rejected the change because another admin got there first, a
   * member who is gone (404) is dropped, a stale member (412) is read again so the next change
   * carries the current version, and the licenses are reloaded when seats ran out or a pool
   * expired. A failed reload leaves the state as it was.
   */
  async #reconcile(memberId: string, error: unknown): Promise<void> {
    if (!isHttpError(error)) {
      await Promise.allSettled([this.#readBack(memberId), this.#loadLicenses()]);
      return;
    }

    try {
      if (error.status === 404) {
        this.#dropMember(memberId);
      } else if (error.status === 412) {
        this.#putMember(await this.client.getMember(memberId));
      }
      if (error.code === 'no_seats_available' || error.code === 'license_expired') {
        await this.#loadLicenses();
      }
    } catch {
      // The change already failed with `error`, which the caller receives; a second failure
      // while reloading would only hide it.
    }
  }

  async #readBack(memberId: string): Promise<void> {
    try {
      this.#putMember(await this.client.getMember(memberId));
    } catch (error) {
      if (isHttpError(error) && error.status === 404) this.#dropMember(memberId);
    }
  }

  /**
   * Keeps the first 401 of a burst in `state.unauthorized` until a request succeeds, so that
   * the burst is reported once however many requests it fails.
   */
  #recordSession(error?: unknown): void {
    const { unauthorized } = this.#state;
    if (error === undefined && unauthorized !== null) this.#update({ unauthorized: null });
    if (isUnauthorizedError(error) && unauthorized === null) this.#update({ unauthorized: error });
  }

  #setPending(memberId: string, pending: boolean): void {
    const ids = new Set(this.#state.pendingMemberIds);
    if (pending) ids.add(memberId);
    else ids.delete(memberId);
    this.#update({ pendingMemberIds: ids });
  }

  #findMember(memberId: string): Member | undefined {
    return this.#state.members.items.find((member) => member.id === memberId);
  }

  #putMember(member: Member): void {
    const items = replaceMember(this.#state.members.items, member);
    if (items !== this.#state.members.items) this.#updateMembers({ items });
  }

  #dropMember(memberId: string): void {
    const { items, total } = this.#state.members;
    const remaining = withoutMember(items, memberId);
    if (remaining.length === items.length) return;
    this.#updateMembers({ items: remaining, total: Math.max(0, total - 1) });
  }

  #updateMembers(changes: Partial<MembersState>): void {
    this.#update({ members: Object.freeze({ ...this.#state.members, ...changes }) });
  }

  #update(changes: Partial<WorkspaceStoreState>): void {
    this.#state = Object.freeze({ ...this.#state, ...changes });
    this.#listeners.notify(this.#state);
  }
}

/** Tells whether the platform can read a streamed response body, which live updates need. */
function canStream(): boolean {
  return typeof ReadableStream === 'function' && typeof TextDecoder === 'function';
}

/** Returns the fields of a member update that are set, so they can overlay a member. */
function definedFields(update: MemberUpdate): Partial<Member> {
  const fields: Partial<Member> = {};
  if (update.role !== undefined) fields.role = update.role;
  if (update.permissions !== undefined) fields.permissions = update.permissions;
  return fields;
}

/** Wraps a thrown value that is not an `Error`, so the state always contains an `Error`. */
function toError(value: unknown): Error {
  if (value instanceof Error || isLsAdminError(value)) return value;
  return new Error(String(value), { cause: value });
}
