import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { Member } from '../../sdk/schemas/member.js';
import type { Migration } from '../../sdk/schemas/migration.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';

/** The largest page the API serves, so few requests list every member with a legacy key. */
const PAGE_SIZE = 100;

/**
 * Loads the member records of everyone with a legacy API key. The migration lists only ids
 * and steps, and the store's member list holds one page of the table's query, so the names,
 * licenses and last uses come from a query of their own. It loads again each time the store's
 * migration snapshot changes, which the store does after every change of seats or keys.
 */
export class LegacyKeyMembers implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #members = new Map<string, Member>();
  #loadedFor: Migration | null = null;
  #request = 0;
  #error: unknown = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The member with `memberId`, or `undefined` until loaded. */
  get(memberId: string): Member | undefined {
    return this.#members.get(memberId);
  }

  /** The error of the last load, or `null`. */
  get error(): unknown {
    return this.#error;
  }

  /** Loads the records again when the store contains a migration snapshot not loaded yet. */
  sync(store: WorkspaceStore): void {
    const migration = store.state.migration;
    if (migration === null || migration === this.#loadedFor) return;
    this.#loadedFor = migration;
    void this.#load(store);
  }

  hostConnected(): void {}

  async #load(store: WorkspaceStore): Promise<void> {
    const request = ++this.#request;
    try {
      const members = new Map<string, Member>();
      let cursor: string | undefined;
      do {
        const page = await store.client.listMembers({
          legacyKey: 'true',
          limit: PAGE_SIZE,
          cursor,
        });
        for (const member of page.items) members.set(member.id, member);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);

      if (request !== this.#request) return;
      this.#members = members;
      this.#error = null;
    } catch (error) {
      if (request !== this.#request) return;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }
}
