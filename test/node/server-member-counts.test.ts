import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Licenses } from '../../sdk/schemas/license.js';
import type { Member, MembersPage } from '../../sdk/schemas/member.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;

before(async () => {
  api = await startTestServer();
});

after(async () => {
  await api.close();
});

/** The maintained counts of the demo workspace, as `role status license` keys. */
function maintainedCounts(): Map<string, number> {
  const rows = api.server.database.all<{ key: string; count: number }>(
    `SELECT role || ' ' || status || ' ' || license_id AS key, count FROM member_counts
     WHERE workspace_id = ? AND count > 0`,
    [api.workspaceId],
  );
  return new Map(rows.map((row) => [row.key, row.count]));
}

/** The same counts computed from the members table. */
function countedMembers(): Map<string, number> {
  const rows = api.server.database.all<{ key: string; count: number }>(
    `SELECT role || ' ' || status || ' ' || coalesce(license_id, '') AS key, COUNT(*) AS count
     FROM members WHERE workspace_id = ? GROUP BY key`,
    [api.workspaceId],
  );
  return new Map(rows.map((row) => [row.key, row.count]));
}

async function totalOf(query: string): Promise<number> {
  const result = await api.call<MembersPage>('GET', api.workspacePath(`/members?${query}`), {
    token: api.admin.sessionToken,
  });
  assert.equal(result.status, 200, query);
  return result.body.total;
}

async function send(method: string, path: string, body?: unknown) {
  const result = await api.call<Member>(method, api.workspacePath(path), {
    token: api.admin.sessionToken,
    body,
    headers: { 'If-Match': '*' },
  });
  assert.ok(result.status < 300, `${method} ${path} returned ${result.status}`);
  return result.body;
}

describe('member_counts', () => {
  test('matches the members after every kind of change', async () => {
    const members = await api.listAllMembers();
    const plain = members.filter(
      (member) => member.role === 'member' && member.status === 'active',
    );
    const [first, second, third] = plain;
    assert.ok(first && second && third, 'the demo has three plain active members');

    const invited = await send('POST', '/invitations', {
      name: 'Counted Invitee',
      email: 'counted.invitee@example.org',
      licenseId: 'lic_team',
    });
    const accepted = await api.call('POST', '/v1/invitations/accept', {
      body: { token: api.invitationTokenFor('counted.invitee@example.org'), name: 'Counted' },
    });
    assert.equal(accepted.status, 200);
    await send('PATCH', `/members/${first.id}`, { role: 'admin' });
    await send('DELETE', `/members/${second.id}/license`);
    await send('PUT', `/members/${second.id}/license`, { licenseId: 'lic_enterprise' });
    await send('PUT', `/members/${second.id}/license`, { licenseId: 'lic_team' });
    await send('DELETE', `/members/${third.id}`);
    await send('DELETE', `/members/${invited.id}/license`);

    assert.deepEqual(maintainedCounts(), countedMembers());
  });

  test('gives the totals of filtered lists', async () => {
    const members = await api.listAllMembers();
    const cases: [query: string, expected: number][] = [
      ['', members.length],
      ['role=admin', members.filter((member) => member.role === 'admin').length],
      ['status=invited', members.filter((member) => member.status === 'invited').length],
      ['license=none', members.filter((member) => member.licenseId === null).length],
      ['license=any', members.filter((member) => member.licenseId !== null).length],
      ['license=lic_team', members.filter((member) => member.licenseId === 'lic_team').length],
      [
        'role=member&status=active&license=lic_enterprise',
        members.filter(
          (member) =>
            member.role === 'member' &&
            member.status === 'active' &&
            member.licenseId === 'lic_enterprise',
        ).length,
      ],
      ['license=lic_unknown', 0],
    ];

    for (const [query, expected] of cases) {
      assert.equal(await totalOf(query), expected, query);
    }
  });

  test('gives the seats used of each pool', async () => {
    const members = await api.listAllMembers();
    const result = await api.call<Licenses>('GET', api.workspacePath('/licenses'), {
      token: api.admin.sessionToken,
    });

    for (const pool of result.body.pools) {
      const holders = members.filter((member) => member.licenseId === pool.id).length;
      assert.equal(pool.used, holders, pool.id);
    }
  });
});
