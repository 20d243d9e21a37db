import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Member, MembersPage } from '../../sdk/schemas/member.js';
import type { SeededBulkWorkspace } from '../../server/seed/seed-bulk-members.js';
import { seedBulkMembers } from '../../server/seed/seed-bulk-members.js';
import type { SeededWorkspace } from '../../server/seed/seed-workspace.js';
import { seedWorkspace } from '../../server/seed/seed-workspace.js';
import { SORT_MATCHES_LIMIT } from '../../server/service/member-filter.js';
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
    assert.ok(pages.length <= 100, 'the list ends');
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

describe('paging through each way of finding members', () => {
  // Each query reaches the page through another plan: a filter's index, a filter with a
  // sort that has its own index, the trigram index, and a scan for short search text.
  const cases: [query: string, expected: (member: Member) => boolean][] = [
    ['role=member', (member) => member.role === 'member'],
    ['role=member&sort=-email', (member) => member.role === 'member'],
    ['status=active&sort=invitedAt', (member) => member.status === 'active'],
    ['query=ws-paging', () => true],
    ['query=ws-paging&sort=-role', () => true],
    ['query=a', (member) => member.name.toLowerCase().includes('a') || member.email.includes('a')],
    ['query=lovelace', (member) => member.email.includes('lovelace')],
  ];
  for (const [query, expected] of cases) {
    test(`${query} at page size 10 lists each match once`, async () => {
      const all = await listPages('ws_paging', paging.admin.sessionToken, 'limit=100');
      const members = all.flatMap((page) => page.items).filter(expected);
      const pages = await listPages('ws_paging', paging.admin.sessionToken, `limit=10&${query}`);
      const ids = pages.flatMap((page) => page.items.map((member) => member.id));
      const sizes = pages.map((page) => page.items.length);

      assert.equal(ids.length, members.length);
      assert.deepEqual(new Set(ids), new Set(members.map((member) => member.id)));
      assert.ok(
        sizes.slice(0, -1).every((size) => size === 10),
        `page sizes ${sizes}`,
      );
      assert.ok((sizes.at(-1) ?? 0) > 0 || members.length === 0, 'no empty last page');
      for (const page of pages) assert.equal(page.total, members.length);
    });
  }

  const sorts = ['name', 'email', 'invitedAt', 'role'];
  for (const sort of [...sorts, ...sorts.map((key) => `-${key}`)]) {
    test(`sort=${sort} pages in the order of one long page`, async () => {
      const single = await listPages(
        'ws_paging',
        paging.admin.sessionToken,
        `limit=100&sort=${sort}`,
      );
      const paged = await listPages('ws_paging', paging.admin.sessionToken, `limit=3&sort=${sort}`);
      const order = (pages: MembersPage[]) => pages.flatMap((page) => page.items.map((m) => m.id));

      assert.equal(single.length, 1);
      assert.deepEqual(order(paged), order(single));
    });
  }
});

describe('paging a workspace of 6,000 members', () => {
  // More than SORT_MATCHES_LIMIT matches make the page walk the sort order's index.
  let large: SeededBulkWorkspace;
  before(async () => {
    large = await seedBulkMembers(api.server.database, {
      workspaceId: 'ws_paging_large',
      count: 6000,
      now: api.clock.now(),
    });
  });

  const cases: [query: string, key: (member: Member) => string][] = [
    ['query=example&sort=email', (member) => member.email.toLowerCase()],
    ['query=a&sort=-name', (member) => member.name.toLowerCase()],
    ['status=active&sort=email', (member) => member.email.toLowerCase()],
  ];
  for (const [query, key] of cases) {
    test(`${query} lists each match once, in order`, async () => {
      const pages = await listPages(
        large.workspaceId,
        large.admin.sessionToken,
        `limit=100&${query}`,
      );
      const items = pages.flatMap((page) => page.items);
      const keys = items.map(key);
      const descending = query.includes('sort=-');
      const sorted = [...keys].sort();

      assert.ok(items.length > SORT_MATCHES_LIMIT, `${items.length} matches`);
      assert.equal(new Set(items.map((member) => member.id)).size, items.length);
      assert.deepEqual(keys, descending ? sorted.reverse() : sorted);
      for (const page of pages) assert.equal(page.total, items.length);
    });
  }

  test('counts only that workspace', async () => {
    const pages = await listPages(large.workspaceId, large.admin.sessionToken, 'query=lovelace');
    const items = pages.flatMap((page) => page.items);
    const demo = await listPages(api.workspaceId, api.admin.sessionToken, 'query=lovelace');

    assert.ok(items.length > 0);
    assert.equal(pages[0]?.total, items.length);
    assert.ok(items.every((member) => member.email.endsWith('@ws-paging-large.example.com')));
    assert.equal(demo[0]?.total, 1);
  });
});

describe('cursor', () => {
  for (const json of ['null', '42', '"text"', '[]', '{"after":null}']) {
    test(`of JSON ${json} is rejected`, async () => {
      const cursor = Buffer.from(json).toString('base64url');
      const result = await api.call<{ code: string }>(
        'GET',
        `/v1/workspaces/ws_paging/members?cursor=${cursor}`,
        { token: paging.admin.sessionToken },
      );

      assert.equal(result.status, 400);
      assert.equal(result.body.code, 'validation_failed');
    });
  }
});
