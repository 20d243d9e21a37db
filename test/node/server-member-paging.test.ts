import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { MembersPage } from '../../sdk/schemas/member.js';
import type { SeededWorkspace } from '../../server/seed/seed-workspace.js';
import { seedWorkspace } from '../../server/seed/seed-workspace.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;
let paging: SeededWorkspace;

before(async () => {
  api = await startTestServer();
  // A second workspace in the same database as the demo workspace and its 41 members.
  paging = await seedWorkspace(api.server.database, {
    workspaceId: 'ws_paging',
    workspaceName: 'Paging',
    plan: 'team',
    memberCount: 20,
    now: api.clock.now(),
  });
});

after(async () => {
  await api.close();
});

/** Requests every page of a list and returns the pages, stopping when nextCursor is null. */
async function listPages(workspaceId: string, token: string, query: string) {
  const pages: MembersPage[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? '' : `&cursor=${cursor}`;
    const result = await api.call<MembersPage>(
      'GET',
      `/v1/workspaces/${workspaceId}/members?${query}${suffix}`,
      { token },
    );
    assert.equal(result.status, 200);
    pages.push(result.body);
    cursor = result.body.nextCursor;
    assert.ok(pages.length <= 10, 'the list ends');
  } while (cursor !== null);
  return pages;
}

describe('paging a workspace of 20 members', () => {
  const cases: [limit: number, sizes: number[]][] = [
    [10, [10, 10]],
    [20, [20]],
    [7, [7, 7, 6]],
    [100, [20]],
  ];
  for (const [limit, sizes] of cases) {
    test(`limit=${limit} gives pages of ${sizes.join(', ')}`, async () => {
      const pages = await listPages('ws_paging', paging.admin.sessionToken, `limit=${limit}`);
      const ids = pages.flatMap((page) => page.items.map((member) => member.id));

      assert.deepEqual(
        pages.map((page) => page.items.length),
        sizes,
      );
      assert.equal(pages.at(-1)?.nextCursor, null);
      for (const page of pages.slice(0, -1)) assert.equal(typeof page.nextCursor, 'string');
      for (const page of pages) assert.equal(page.total, 20);
      assert.deepEqual(new Set(ids), new Set(paging.memberIds));
      assert.equal(ids.length, 20);
    });
  }
});

describe('total', () => {
  test('counts only the workspace in the path', async () => {
    const demo = await listPages(api.workspaceId, api.admin.sessionToken, 'limit=10');
    const other = await listPages('ws_paging', paging.admin.sessionToken, 'limit=10');
    const demoIds = new Set(demo.flatMap((page) => page.items.map((member) => member.id)));

    assert.equal(demo[0]?.total, 41);
    assert.equal(demoIds.size, 41);
    assert.equal(other[0]?.total, 20);
    assert.ok(paging.memberIds.every((id) => !demoIds.has(id)));
  });

  test('counts filtered members of that workspace only', async () => {
    // Both workspaces have a member named Ada Lovelace.
    const demo = await listPages(api.workspaceId, api.admin.sessionToken, 'query=lovelace');
    const other = await listPages('ws_paging', paging.member.sessionToken, 'query=lovelace');

    assert.equal(demo[0]?.total, 1);
    assert.equal(other[0]?.total, 1);
    assert.equal(other[0]?.items[0]?.email, 'ada.lovelace@ws-paging.example.com');
  });

  test('hides the other workspace from its non-members', async () => {
    const result = await api.call('GET', '/v1/workspaces/ws_paging/members', {
      token: api.admin.sessionToken,
    });

    assert.equal(result.status, 404);
  });
});
