import type { ReactiveController, ReactiveElement } from 'lit';

import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';

/**
 * Counts the workspace's active admins on the server, so that the table can disable the
 * controls that would remove the last one. It counts only while `isNeeded()` returns true,
 * and again whenever the store, its workspace, or the roles of the loaded members change, so
 * a change made elsewhere on the page is seen too. The server enforces the rule in any case.
 */
export class ActiveAdminCountController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #getStore: () => WorkspaceStore | undefined;
  readonly #isNeeded: () => boolean;
  #signature = '';
  #request = 0;
  #count: number | null = null;

  constructor(
    host: ReactiveElement,
    getStore: () => WorkspaceStore | undefined,
    isNeeded: () => boolean,
  ) {
    this.#host = host;
    this.#getStore = getStore;
    this.#isNeeded = isNeeded;
    host.addController(this);
  }

  /** The number of active admins, or `null` until counted or when counting failed. */
  get count(): number | null {
    return this.#count;
  }

  hostUpdate(): void {
    if (!this.#isNeeded()) return;
    const store = this.#getStore();
    const workspace = store?.state.workspace;
    if (store === undefined || workspace === null || workspace === undefined) return;
    // Counting waits for the first page, so the table's own list request is sent first.
    if (store.state.members.loading) return;

    const signature = this.#signatureOf(store);
    if (signature === this.#signature) return;
    this.#signature = signature;
    void this.#load(store);
  }

  /** The state that the count depends on: the store, the viewer and each loaded admin. */
  #signatureOf(store: WorkspaceStore): string {
    const { workspace, members } = store.state;
    const admins = members.items
      .filter((member) => member.role === 'admin' && member.status === 'active')
      .map((member) => member.id);
    return [store.workspaceId, workspace?.viewer.memberId, workspace?.viewer.role, ...admins].join(
      ' ',
    );
  }

  async #load(store: WorkspaceStore): Promise<void> {
    const request = ++this.#request;
    try {
      const page = await store.client.listMembers({ role: 'admin', status: 'active', limit: 1 });
      if (request === this.#request) this.#count = page.total;
    } catch {
      // Without a count the controls stay enabled, and the server rejects a last-admin change.
      if (request === this.#request) this.#count = null;
    }
    this.#host.requestUpdate();
  }
}
