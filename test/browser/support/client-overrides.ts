import type { WorkspaceClient } from '../../../sdk/index.js';

/**
 * Returns a client that sends every request through `client` except the methods in
 * `overrides`. Tests use it to shape a real server's response into a state the seed cannot
 * produce, such as an expired pool, while every other request still reaches the server.
 */
export function withOverrides(
  client: WorkspaceClient,
  overrides: Partial<WorkspaceClient>,
): WorkspaceClient {
  return new Proxy(client, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof WorkspaceClient];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Returns a client whose license list reports the pool `poolId` as expired a day ago. */
export function withExpiredPool(client: WorkspaceClient, poolId: string): WorkspaceClient {
  const expiredAt = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
  return withOverrides(client, {
    async listLicenses() {
      const licenses = await client.listLicenses();
      const pools = licenses.pools.map((pool) =>
        pool.id === poolId ? { ...pool, expiresAt: expiredAt } : pool,
      );
      return { ...licenses, pools };
    },
  });
}
