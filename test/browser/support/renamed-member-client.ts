import type { WorkspaceClient } from '../../../sdk/index.js';

/**
 * Returns a client that shows the member `memberId` under `name` in every response, while
 * every request still reaches the real server. The API sets a name only when it invites a
 * person, so tests use this for names on members that no request can rename, such as a seeded
 * member with a legacy API key.
 */
export function withMemberName(
  client: WorkspaceClient,
  memberId: string,
  name: string,
): WorkspaceClient {
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (typeof value !== 'object' || value === null) return value;

    const entries = Object.entries(value).map(([key, field]) => [key, rename(field)]);
    const copy = Object.fromEntries(entries) as Record<string, unknown>;
    if (copy.id === memberId && typeof copy.name === 'string') copy.name = name;
    return copy;
  };

  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise ? result.then(rename) : result;
      };
    },
  });
}
