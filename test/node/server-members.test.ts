import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Member, MembersPage } from '../../sdk/schemas/member.js';
import {
  Member as MemberSchema,
  MembersPage as MembersPageSchema,
} from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;

before(async () => {
  api = await startTestServer();
});

after(async () => {
  await api.close();
});

describe('GET /members', () => {
  test('returns a page that matches the schema', async () => {
    const page = await api.call<MembersPage>('GET', api.workspacePath('/members?limit=5'), {
      token: api.member.sessionToken,
    });

    assert.equal(page.status, 200);
    assert.ok(MembersPageSchema.safeParse(page.body).success);
    assert.equal(page.body.items.length, 5);
    assert.equal(page.body.total, 41);
    assert.notEqual(page.body.nextCursor, null);
  });

  test('pages through every member once', async () => {
    const members = await api.listAllMembers('limit=7&sort=-name');

    assert.equal(members.length, 41);
    assert.equal(new Set(members.map((member) => member.id)).size, 41);
    const names = members.map((member) => member.name.toLowerCase());
    assert.deepEqual(names, [...names].sort().reverse());
  });

  test('filters by status, role, license and legacy key', async () => {
    const invited = await api.listAllMembers('status=invited');
    const admins = await api.listAllMembers('role=admin');
    const unlicensed = await api.listAllMembers('license=none');
    const withKey = await api.listAllMembers('legacyKey=true');

    assert.equal(invited.length, 5);
    assert.ok(invited.every((member) => member.status === 'invited'));
    assert.equal(admins.length, 2);
    assert.ok(unlicensed.every((member) => member.licenseId === null));
    assert.equal(withKey.length, 10);
    assert.ok(withKey.every((member) => member.legacyKey !== null));
  });

  test('searches name and email without regard to case', async () => {
    const byName = await api.listAllMembers('query=LOVELACE');
    const byEmail = await api.listAllMembers('query=grace.hopper%40');

    assert.deepEqual(
      byName.map((member) => member.email),
      ['ada.lovelace@example.com'],
    );
    assert.equal(byEmail.length, 1);
  });

  test('matches % and _ only as themselves', async () => {
    const people = [
      { name: 'Percy 100% Sure', email: 'percy@example.org' },
      { name: 'Una Derscore', email: 'una_derscore@example.org' },
    ];
    for (const person of people) {
      const invited = await api.call('POST', api.workspacePath('/invitations'), {
        token: api.admin.sessionToken,
        body: person,
      });
      assert.equal(invited.status, 201);
    }

    const percent = await api.listAllMembers(`query=${encodeURIComponent('%')}`);
    const underscore = await api.listAllMembers('query=_');

    assert.deepEqual(
      percent.map((member) => member.email),
      ['percy@example.org'],
    );
    assert.deepEqual(
      underscore.map((member) => member.email),
      ['una_derscore@example.org'],
    );
  });

  test('rejects a cursor from another query', async () => {
    const first = await api.call<MembersPage>('GET', api.workspacePath('/members?limit=2'), {
      token: api.admin.sessionToken,
    });

    const other = await api.call<Problem>(
      'GET',
      api.workspacePath(`/members?limit=2&sort=email&cursor=${first.body.nextCursor}`),
      { token: api.admin.sessionToken },
    );

    assert.equal(other.status, 400);
    assert.equal(other.body.code, 'validation_failed');
    assert.equal(other.body.errors?.[0]?.path, 'cursor');
  });

  test('rejects a limit above 100', async () => {
    const result = await api.call<Problem>('GET', api.workspacePath('/members?limit=101'), {
      token: api.admin.sessionToken,
    });

    assert.equal(result.status, 400);
    assert.equal(result.body.errors?.[0]?.path, 'limit');
  });
});

describe('GET /members/{id}', () => {
  test('returns the member with its ETag', async () => {
    const result = await api.call<Member>(
      'GET',
      api.workspacePath(`/members/${api.member.memberId}`),
      {
        token: api.admin.sessionToken,
      },
    );

    assert.equal(result.status, 200);
    assert.ok(MemberSchema.safeParse(result.body).success);
    assert.equal(result.headers.get('ETag'), `"${result.body.version}"`);
    assert.equal(result.body.legacyKey?.hint.startsWith('lsk_…'), true);
  });

  test('answers 404 for an unknown member', async () => {
    const result = await api.call<Problem>('GET', api.workspacePath('/members/mem_missing'), {
      token: api.admin.sessionToken,
    });

    assert.equal(result.status, 404);
    assert.equal(result.body.code, 'not_found');
  });
});

describe('PATCH /members/{id}', () => {
  const path = () => api.workspacePath(`/members/${api.member.memberId}`);

  test('needs If-Match', async () => {
    const result = await api.call<Problem>('PATCH', path(), {
      token: api.admin.sessionToken,
      body: { role: 'admin' },
    });

    assert.equal(result.status, 428);
    assert.equal(result.body.code, 'precondition_required');
  });

  test('rejects a stale version', async () => {
    const result = await api.call<Problem>('PATCH', path(), {
      token: api.admin.sessionToken,
      body: { role: 'admin' },
      headers: { 'If-Match': '"999"' },
    });

    assert.equal(result.status, 412);
    assert.equal(result.body.code, 'version_conflict');
  });

  test('changes permissions and bumps the version', async () => {
    const before = await api.call<Member>('GET', path(), { token: api.admin.sessionToken });

    const result = await api.call<Member>('PATCH', path(), {
      token: api.admin.sessionToken,
      body: { permissions: ['audit.view'] },
      headers: { 'If-Match': before.headers.get('ETag') ?? '' },
    });

    assert.equal(result.status, 200);
    assert.deepEqual(result.body.permissions, ['audit.view']);
    assert.equal(result.body.version, before.body.version + 1);
    assert.equal(result.headers.get('ETag'), `"${before.body.version + 1}"`);
  });

  test('rejects a permission outside the catalog', async () => {
    const before = await api.call<Member>('GET', path(), { token: api.admin.sessionToken });

    const result = await api.call<Problem>('PATCH', path(), {
      token: api.admin.sessionToken,
      body: { permissions: ['audit.view', 'root'] },
      headers: { 'If-Match': before.headers.get('ETag') ?? '' },
    });

    assert.equal(result.status, 400);
    assert.equal(result.body.errors?.[0]?.path, 'permissions.1');
  });

  test('forbids a member from changing roles', async () => {
    const result = await api.call<Problem>('PATCH', path(), {
      token: api.member.sessionToken,
      body: { role: 'admin' },
      headers: { 'If-Match': '"1"' },
    });

    assert.equal(result.status, 403);
    assert.equal(result.body.code, 'forbidden');
  });
});

describe('last admin rule', () => {
  test('keeps one active admin', async () => {
    const admins = await api.listAllMembers('role=admin');
    const other = admins.find((member) => member.id !== api.admin.memberId);
    assert.ok(other);

    const demoted = await api.call<Member>('PATCH', api.workspacePath(`/members/${other.id}`), {
      token: api.admin.sessionToken,
      body: { role: 'member' },
      headers: { 'If-Match': `"${other.version}"` },
    });
    const self = await api.call<Member>(
      'GET',
      api.workspacePath(`/members/${api.admin.memberId}`),
      {
        token: api.admin.sessionToken,
      },
    );
    const demoteSelf = await api.call<Problem>(
      'PATCH',
      api.workspacePath(`/members/${api.admin.memberId}`),
      {
        token: api.admin.sessionToken,
        body: { role: 'member' },
        headers: { 'If-Match': `"${self.body.version}"` },
      },
    );
    const removeSelf = await api.call<Problem>(
      'DELETE',
      api.workspacePath(`/members/${api.admin.memberId}`),
      { token: api.admin.sessionToken },
    );

    assert.equal(demoted.status, 200);
    assert.equal(demoteSelf.status, 409);
    assert.equal(demoteSelf.body.code, 'last_admin');
    assert.equal(removeSelf.status, 409);
    assert.equal(removeSelf.body.code, 'last_admin');
  });
});

describe('DELETE /members/{id}', () => {
  test('removes a member and frees the seat and key', async () => {
    const withKey = (await api.listAllMembers('legacyKey=true&license=any&status=active')).find(
      (member) => member.id !== api.member.memberId,
    );
    assert.ok(withKey?.licenseId);
    const poolsBefore = await api.call<{ pools: { id: string; used: number }[] }>(
      'GET',
      api.workspacePath('/licenses'),
      { token: api.admin.sessionToken },
    );

    const removed = await api.call('DELETE', api.workspacePath(`/members/${withKey.id}`), {
      token: api.admin.sessionToken,
    });
    const poolsAfter = await api.call<{ pools: { id: string; used: number }[] }>(
      'GET',
      api.workspacePath('/licenses'),
      { token: api.admin.sessionToken },
    );
    const gone = await api.call('GET', api.workspacePath(`/members/${withKey.id}`), {
      token: api.admin.sessionToken,
    });

    const used = (body: typeof poolsBefore.body) =>
      body.pools.find((pool) => pool.id === withKey.licenseId)?.used;
    assert.equal(removed.status, 204);
    assert.equal(removed.body, null);
    assert.equal(used(poolsAfter.body), (used(poolsBefore.body) ?? 0) - 1);
    assert.equal(gone.status, 404);

    const leftover = api.server.database.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM members WHERE id = ? AND license_id IS NOT NULL',
      [withKey.id],
    );
    assert.equal(leftover?.count, 0);
    const members = await api.listAllMembers('limit=100');
    for (const pool of poolsAfter.body.pools) {
      const holders = new Set(
        members.filter((member) => member.licenseId === pool.id).map((member) => member.id),
      );
      assert.equal(pool.used, holders.size, `seats used in ${pool.id}`);
    }
  });

  test('forbids a member from removing anyone', async () => {
    const result = await api.call<Problem>(
      'DELETE',
      api.workspacePath(`/members/${api.admin.memberId}`),
      { token: api.member.sessionToken },
    );

    assert.equal(result.status, 403);
  });
});
