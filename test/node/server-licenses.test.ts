import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Activation } from '../../sdk/schemas/activation.js';
import type { RotatedAuthToken } from '../../sdk/schemas/auth-token.js';
import type { Licenses } from '../../sdk/schemas/license.js';
import type { Member, MembersPage } from '../../sdk/schemas/member.js';
import type { Migration } from '../../sdk/schemas/migration.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { LEGACY_KEY_DEPRECATION_DATE } from '../../server/service/migration.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

/** A member on success, a problem's code and field errors on failure. */
type MemberOrProblem = Member & Partial<Pick<Problem, 'code' | 'errors'>>;

let api: TestServer;

before(async () => {
  api = await startTestServer();
});

after(async () => {
  await api.close();
});

async function licenses(): Promise<Licenses> {
  const result = await api.call<Licenses>('GET', api.workspacePath('/licenses'), {
    token: api.admin.sessionToken,
  });
  return result.body;
}

async function unlicensedMembers(): Promise<Member[]> {
  const result = await api.call<MembersPage>(
    'GET',
    api.workspacePath('/members?license=none&legacyKey=false&limit=100'),
    { token: api.admin.sessionToken },
  );
  return result.body.items;
}

function assign(memberId: string, licenseId: string) {
  return api.call<MemberOrProblem>('PUT', api.workspacePath(`/members/${memberId}/license`), {
    token: api.admin.sessionToken,
    body: { licenseId },
  });
}

describe('license assignment', () => {
  test('fills a pool exactly under concurrent requests', async () => {
    const before = await licenses();
    const enterprise = before.pools.find((pool) => pool.id === 'lic_enterprise');
    assert.ok(enterprise);
    const free = enterprise.seats - enterprise.used;
    const candidates = await unlicensedMembers();
    assert.ok(candidates.length > free, 'the demo has more candidates than free seats');

    const results = await Promise.all(
      candidates.map((member) => assign(member.id, 'lic_enterprise')),
    );

    const granted = results.filter((result) => result.status === 200);
    const rejected = results.filter((result) => result.status === 409);
    assert.equal(granted.length, free);
    assert.equal(rejected.length, candidates.length - free);
    assert.ok(rejected.every((result) => result.body.code === 'no_seats_available'));
    const after = await licenses();
    assert.equal(after.pools.find((pool) => pool.id === 'lic_enterprise')?.used, enterprise.seats);
    assert.equal(after.activeLicenseCount, before.activeLicenseCount + free);
  });

  test('reassigns, keeps a repeat unchanged and unassigns', async () => {
    const member = (
      await api.call<Member>('GET', api.workspacePath(`/members/${api.admin.memberId}`), {
        token: api.admin.sessionToken,
      })
    ).body;
    assert.equal(member.licenseId, 'lic_enterprise');

    const moved = await assign(member.id, 'lic_team');
    const repeated = await assign(member.id, 'lic_team');
    const unassigned = await api.call<Member>(
      'DELETE',
      api.workspacePath(`/members/${member.id}/license`),
      { token: api.admin.sessionToken },
    );

    assert.equal(moved.status, 200);
    assert.equal(moved.body.licenseId, 'lic_team');
    assert.equal(repeated.body.version, moved.body.version);
    assert.equal(unassigned.body.licenseId, null);
  });

  test('rejects an expired pool', async () => {
    api.server.database.run(
      "INSERT INTO license_pools (id, workspace_id, plan, name, seats, expires_at) VALUES ('lic_old', ?, 'team', 'Old', 5, '2020-01-01T00:00:00.000Z')",
      [api.workspaceId],
    );

    const result = await assign(api.admin.memberId, 'lic_old');

    assert.equal(result.status, 409);
    assert.equal(result.body.code, 'license_expired');
  });

  test('forbids members', async () => {
    const result = await api.call<Problem>(
      'PUT',
      api.workspacePath(`/members/${api.member.memberId}/license`),
      { token: api.member.sessionToken, body: { licenseId: 'lic_team' } },
    );

    assert.equal(result.status, 403);
  });
});

describe('migration and activation', () => {
  test('reports each step and counts', async () => {
    const result = await api.call<Migration>('GET', api.workspacePath('/migration'), {
      token: api.member.sessionToken,
    });

    assert.equal(result.status, 200);
    assert.deepEqual(result.body.counts, { '1': 3, '2': 3, '3': 2, '4': 2 });
    assert.equal(
      result.body.members.find((entry) => entry.memberId === api.member.memberId)?.step,
      2,
    );
  });

  test('reports the deprecation date', async () => {
    const result = await api.call<Migration>('GET', api.workspacePath('/migration'), {
      token: api.member.sessionToken,
    });
    const date = Date.parse(result.body.deprecationDate);

    assert.equal(result.body.deprecationDate, LEGACY_KEY_DEPRECATION_DATE);
    assert.equal(new Date(date).toISOString(), LEGACY_KEY_DEPRECATION_DATE);
  });

  test('activates with the legacy key and records its use', async () => {
    const result = await api.call<Activation>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
    });
    const member = await api.call<Member>(
      'GET',
      api.workspacePath(`/members/${api.member.memberId}`),
      {
        token: api.admin.sessionToken,
      },
    );

    assert.equal(result.status, 200);
    assert.equal(result.body.memberId, api.member.memberId);
    assert.equal(result.body.credential, 'api-key');
    assert.equal(member.body.legacyKey?.lastUsedAt, api.clock.now().toISOString());
  });

  test('moves the member to step 4 after the auth token is used', async () => {
    const rotated = await api.call<RotatedAuthToken>('POST', '/v1/me/auth-token/rotate', {
      token: api.member.sessionToken,
    });
    api.clock.advance(60_000);

    const activation = await api.call<Activation>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'auth-token', token: rotated.body.token } },
    });
    const migration = await api.call<Migration>('GET', api.workspacePath('/migration'), {
      token: api.admin.sessionToken,
    });
    const masked = await api.call<{ hint: string; lastUsedAt: string | null }>(
      'GET',
      '/v1/me/auth-token',
      { token: api.member.sessionToken },
    );

    assert.equal(activation.status, 200);
    assert.equal(activation.body.credential, 'auth-token');
    assert.equal(
      migration.body.members.find((entry) => entry.memberId === api.member.memberId)?.step,
      4,
    );
    assert.equal(masked.body.hint, rotated.body.hint);
    assert.ok(!JSON.stringify(masked.body).includes(rotated.body.token));
    assert.equal(masked.body.lastUsedAt, api.clock.now().toISOString());
  });

  test('rejects unknown credentials and owners without a license', async () => {
    const unknown = await api.call<Problem>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'auth-token', token: 'lsat_unknown' } },
    });
    const removed = await api.call<Member>(
      'DELETE',
      api.workspacePath(`/members/${api.member.memberId}/license`),
      { token: api.admin.sessionToken },
    );
    const unlicensed = await api.call<Problem>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
    });

    assert.equal(unknown.status, 401);
    assert.equal(removed.body.licenseId, null);
    assert.equal(unlicensed.status, 403);
    assert.equal(unlicensed.body.code, 'no_license');
  });

  test('removing the legacy key revokes it', async () => {
    const removed = await api.call<Member>(
      'DELETE',
      api.workspacePath(`/members/${api.member.memberId}/legacy-key`),
      { token: api.admin.sessionToken },
    );
    const activation = await api.call<Problem>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
    });

    assert.equal(removed.status, 200);
    assert.equal(removed.body.legacyKey, null);
    assert.equal(activation.status, 401);
  });
});
