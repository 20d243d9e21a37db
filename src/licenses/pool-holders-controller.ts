import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { WorkspaceClient } from '../../sdk/client/workspace-client.js';
import type { Member } from '../../sdk/schemas/member.js';

/** The maximum number of holders listed per pool. The rest are counted as "and N more". */
export const HOLDERS_PAGE_SIZE = 100;

/** The members holding a seat of one pool, as last loaded. */
export type PoolHolders =
  | { status: 'loading'; items: readonly Member[]; total: number | null }
  | { status: 'loaded'; items: readonly Member[]; total: number }
  | { status: 'error'; items: readonly Member[]; total: number | null; error: unknown };

/**
 * Loads the members who hold each expanded pool, on demand. Each pool's list is loaded again
 * by `reloadExpanded()` when the licenses change, and a response that arrives after a newer
 * request for the same pool is discarded.
 */
export class PoolHoldersController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #expanded = new Set<string>();
  readonly #holders = new Map<string, PoolHolders>();
  readonly #requests = new Map<string, number>();
  #requestCount = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  isExpanded(poolId: string): boolean {
    return this.#expanded.has(poolId);
  }

  holdersOf(poolId: string): PoolHolders | undefined {
    return this.#holders.get(poolId);
  }

  /** Shows or hides a pool's holders, loading them when shown. */
  toggle(client: WorkspaceClient, poolId: string): void {
    if (this.#expanded.delete(poolId)) {
      this.#host.requestUpdate();
      return;
    }
    this.#expanded.add(poolId);
    void this.load(client, poolId);
  }

  /** Loads every expanded pool's holders again, such as after a seat moved. */
  reloadExpanded(client: WorkspaceClient): void {
    for (const poolId of this.#expanded) void this.load(client, poolId);
  }

  /** Forgets every list, such as when the element switches to another workspace. */
  clear(): void {
    this.#expanded.clear();
    this.#holders.clear();
    this.#requests.clear();
    this.#host.requestUpdate();
  }

  async load(client: WorkspaceClient, poolId: string): Promise<void> {
    const request = ++this.#requestCount;
    this.#requests.set(poolId, request);
    // The previous list stays visible while the new one loads, so nothing jumps.
    const previous = this.#holders.get(poolId);
    this.#holders.set(poolId, {
      status: 'loading',
      items: previous?.items ?? [],
      total: previous?.total ?? null,
    });
    this.#host.requestUpdate();

    try {
      const page = await client.listMembers({ license: poolId, limit: HOLDERS_PAGE_SIZE });
      if (this.#requests.get(poolId) !== request) return;
      this.#holders.set(poolId, { status: 'loaded', items: page.items, total: page.total });
    } catch (error) {
      if (this.#requests.get(poolId) !== request) return;
      this.#holders.set(poolId, {
        status: 'error',
        items: previous?.items ?? [],
        total: previous?.total ?? null,
        error,
      });
    }
    this.#host.requestUpdate();
  }

  hostConnected(): void {}
}
