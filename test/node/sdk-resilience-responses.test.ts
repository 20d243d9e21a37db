import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import {
  canPerform,
  createWorkspaceClient,
  isInvalidJsonError,
  isMemberStatus,
  isResponseValidationError,
  isRole,
  WorkspaceStore,
  type Member,
  type MembersPage,
  type Role,
  type WorkspaceClient,
  type WorkspaceInfo,
} from '../../sdk/index.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Turns the real server's response body into the one the client receives. */
type BodyChange = (body: string) => string;

let api: TestServer;
/** The change for the next response whose path ends in `pathEnd`, or `null`. */
let spoiled: { pathEnd: string; change: BodyChange; times: number } | null;

/** Changes the body of the next `times` responses whose path ends in `pathEnd`. */
function spoil(pathEnd: string, change: BodyChange, times = 1): void {
  spoiled = { pathEnd, change, times };
}

/** Changes each member with `id` in a JSON body, wherever it appears. */
function patchMember(id: string, fields: Record<string, unknown>): BodyChange {
  const patch = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(patch);
    if (typeof value !== 'object' || value === null) return value;

    const entries = Object.entries(value).map(([key, field]) => [key, patch(field)]);
    const copy = Object.fromEntries(entries) as Record<string, unknown>;
    return copy.id === id ? { ...copy, ...fields } : copy;
  };
  return (body) => JSON.stringify(patch(JSON.parse(body)));
}

/** Passes requests to the real server and applies `spoiled` to the matching response. */
async function spoilingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const response = await fetch(request);
  const current = spoiled;
  if (current === null || !new URL(request.url).pathname.endsWith(current.pathEnd)) {
    return response;
  }

  current.times -= 1;
  if (current.times === 0) spoiled = null;
  const body = current.change(await response.text());
  return new Response(body, { status: response.status, headers: response.headers });
}

function clientFor(server: TestServer): WorkspaceClient {
  return createWorkspaceClient({
    baseUrl: server.server.url,
    workspaceId: server.workspaceId,
    token: server.admin.sessionToken,
    fetch: spoilingFetch,
    retry: 0,
  });
}

beforeEach(async () => {
  api = await startTestServer();
  spoiled = null;
});

afterEach(async () => {
  await api.close();
});

describe('values this version does not know', () => {
  test('unknown role and status parse', async () => {
    const client = clientFor(api);
    const before = await client.listMembers({ limit: 10 });
    const [first, second] = before.items;
    assert.ok(first);
    assert.ok(second);
    spoil('/members', (body) => {
      const withRole = patchMember(first.id, { role: 'owner' })(body);
      return patchMember(second.id, { status: 'suspended' })(withRole);
    });

    const page = await client.listMembers({ limit: 10 });
    const [owner, suspended] = page.items;

    assert.equal(page.items.length, before.items.length);
    assert.equal(owner?.role, 'owner');
    assert.equal(isRole(owner?.role ?? ''), false);
    assert.equal(suspended?.status, 'suspended');
    assert.equal(isMemberStatus(suspended?.status ?? ''), false);
    assert.deepEqual(page.items.slice(2), before.items.slice(2));
  });

  test('known values pass the guards', () => {
    assert.equal(isRole('admin'), true);
    assert.equal(isRole('member'), true);
    assert.equal(isMemberStatus('active'), true);
    assert.equal(isMemberStatus('invited'), true);
  });

  test('unknown viewer role may do nothing', async () => {
    const client = clientFor(api);
    spoil('/workspaces/ws_demo', (body) => {
      const info = JSON.parse(body) as WorkspaceInfo;
      return JSON.stringify({ ...info, viewer: { ...info.viewer, role: 'owner' } });
    });

    const info = await client.getWorkspace();

    assert.equal(info.viewer.role, 'owner');
    assert.equal(canPerform(info.viewer.role, 'invite'), false);
    assert.equal(canPerform(info.viewer.role, 'manageLicenses'), false);
  });

  test('role type makes code handle unknown roles', async () => {
    const member: Member = await clientFor(api).getMember(api.admin.memberId);
    const labels: Record<Role, string> = { admin: 'Admin', member: 'Member' };

    // @ts-expect-error A member's role may be one that this version does not know.
    const unchecked: string = labels[member.role];
    const checked = isRole(member.role) ? labels[member.role] : member.role;

    assert.equal(unchecked, 'Admin');
    assert.equal(checked, 'Admin');
  });

  test('role of the wrong type fails', async () => {
    const client = clientFor(api);
    const before = await client.listMembers({ limit: 5 });
    const target = before.items[3];
    assert.ok(target);
    spoil('/members', patchMember(target.id, { role: 5 }));

    await assert.rejects(client.listMembers({ limit: 5 }), (error) => {
      assert.ok(isResponseValidationError(error));
      assert.deepEqual(
        error.issues.map((issue) => issue.path.join('.')),
        ['items.3.role'],
      );
      return true;
    });
  });
});

describe('malformed responses', () => {
  const cases: { name: string; change: BodyChange; invalidJson: boolean; message: RegExp }[] = [
    {
      name: 'HTML page with 200',
      change: () => '<!doctype html><html><body>Sign in to continue</body></html>',
      invalidJson: true,
      message: /a body that is not valid JSON, starting "<!doctype html>/,
    },
    {
      name: 'truncated JSON',
      change: (body) => body.slice(0, Math.floor(body.length / 2)),
      invalidJson: true,
      message: /a body that is not valid JSON, starting "\{\\"items\\"/,
    },
    {
      name: 'field of the wrong type',
      change: (body) => JSON.stringify({ ...(JSON.parse(body) as MembersPage), total: 'many' }),
      invalidJson: false,
      message: /a body that is not a valid MembersPage: total: /,
    },
    {
      name: 'empty body',
      change: () => '',
      invalidJson: true,
      message: /an empty body where JSON was expected/,
    },
  ];

  for (const { name, change, invalidJson, message } of cases) {
    test(`${name} raises a typed error`, async () => {
      const client = clientFor(api);
      spoil('/members', change);

      await assert.rejects(client.listMembers({ limit: 5 }), (error) => {
        assert.ok(isResponseValidationError(error));
        assert.equal(isInvalidJsonError(error), invalidJson);
        assert.equal(error.method, 'GET');
        assert.equal(error.url, `${api.server.url}/v1/workspaces/ws_demo/members?limit=5`);
        assert.equal(error.status, 200);
        assert.ok(
          error.message.startsWith(`GET ${error.url} returned 200 with `),
          `the message names the request: ${error.message}`,
        );
        assert.match(error.message, message);
        return true;
      });
    });
  }

  test('failed refresh keeps the rows', async () => {
    const store = new WorkspaceStore(clientFor(api));
    await store.load();
    const { items, total } = store.state.members;
    assert.ok(items.length > 0);
    spoil('/members', () => '<html>Bad gateway</html>');

    await store.refresh();

    assert.ok(isInvalidJsonError(store.state.members.error));
    assert.equal(store.state.members.items, items);
    assert.equal(store.state.members.total, total);
    assert.equal(store.state.members.loading, false);
  });

  test('failed later page keeps the rows', async () => {
    const store = new WorkspaceStore(clientFor(api));
    await store.setQuery({ limit: 10 });
    const { items } = store.state.members;
    assert.equal(items.length, 10);
    assert.notEqual(store.state.members.nextCursor, null);
    spoil('/members', (body) => body.slice(0, 20));

    await store.loadMore();

    assert.ok(isInvalidJsonError(store.state.members.error));
    assert.equal(store.state.members.items, items);
    assert.equal(store.state.members.loadingMore, false);
    assert.notEqual(store.state.members.nextCursor, null, 'the failed page can be loaded again');
  });
});
