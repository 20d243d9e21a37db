import type { WorkspaceClient } from '../client/workspace-client.js';

/**
 * Returns a client that sends every call to `client` and then calls `onSettled` with the
 * error that a call rejected with, or with no argument after a call resolved. `onSettled` runs
 * before the caller sees the result. `listAllMembers` returns an iterator rather than a
 * promise, so it passes through unobserved.
 */
export function watchClient(
  client: WorkspaceClient,
  onSettled: (error?: unknown) => void,
): WorkspaceClient {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;

      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) result.then(() => onSettled(), onSettled);
        return result;
      };
    },
  });
}
