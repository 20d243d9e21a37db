import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { countActiveLicenses } from '../../sdk/domain/active-license-count.js';
import type { Licenses } from '../../sdk/schemas/license.js';
import type { Member } from '../../sdk/schemas/member.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;

before(async () => {
  api = await startTestServer();
});

after(async () => {
  await api.close();
});

async function activeLicenseCount(): Promise<number> {
  const result = await api.call<Licenses>('GET', api.workspacePath('/licenses'), {
    token: api.admin.sessionToken,
  });
  assert.equal(result.status, 200);
  return result.body.activeLicenseCount;
}

async function change(method: string, memberId: string, suffix: string, body?: unknown) {
  const result = await api.call<Member>(
    method,
    api.workspacePath(`/members/${memberId}${suffix}`),
    { token: api.admin.sessionToken, body },
  );
  assert.equal(result.status, 200, `${method} ${suffix} for ${memberId}`);
  return result.body;
}

describe('activeLicenseCount', () => {
  test('counts a license and a legacy key once', async () => {
    const members = await api.listAllMembers('limit=10');
    const licensed = members.filter((member) => member.licenseId !== null);
    const keyed = members.filter((member) => member.legacyKey !== null);
    const both = licensed.filter((member) => member.legacyKey !== null);
    const holders = new Set([...licensed, ...keyed].map((member) => member.id));

    const count = await activeLicenseCount();

    assert.ok(both.length > 0, 'some members hold a license and a legacy key');
    assert.equal(count, countActiveLicenses(members));
    assert.equal(count, holders.size);
    assert.equal(count, licensed.length + keyed.length - both.length);
  });

  test('keeps the count when a key holder gets a license', async () => {
    const keyOnly = (await api.listAllMembers('limit=10')).find(
      (member) => member.legacyKey !== null && member.licenseId === null,
    );
    assert.ok(keyOnly, 'the demo has a member with only a legacy key');
    const before = await activeLicenseCount();

    const assigned = await change('PUT', keyOnly.id, '/license', { licenseId: 'lic_enterprise' });

    assert.equal(assigned.licenseId, 'lic_enterprise');
    assert.notEqual(assigned.legacyKey, null);
    assert.equal(await activeLicenseCount(), before);
    assert.equal(
      await activeLicenseCount(),
      countActiveLicenses(await api.listAllMembers('limit=10')),
    );
  });

  test('keeps the count when a licensed member loses the key', async () => {
    const both = (await api.listAllMembers('limit=10')).find(
      (member) => member.legacyKey !== null && member.licenseId !== null,
    );
    assert.ok(both, 'the demo has a member with a license and a legacy key');
    const before = await activeLicenseCount();

    const removed = await change('DELETE', both.id, '/legacy-key');

    assert.equal(removed.legacyKey, null);
    assert.notEqual(removed.licenseId, null);
    assert.equal(await activeLicenseCount(), before);
    assert.equal(
      await activeLicenseCount(),
      countActiveLicenses(await api.listAllMembers('limit=10')),
    );
  });

  test('lowers the count when the only key goes', async () => {
    const keyOnly = (await api.listAllMembers('limit=10')).find(
      (member) => member.legacyKey !== null && member.licenseId === null,
    );
    assert.ok(keyOnly, 'the demo has another member with only a legacy key');
    const before = await activeLicenseCount();

    const removed = await change('DELETE', keyOnly.id, '/legacy-key');

    assert.equal(removed.legacyKey, null);
    assert.equal(removed.licenseId, null);
    assert.equal(await activeLicenseCount(), before - 1);
    assert.equal(
      await activeLicenseCount(),
      countActiveLicenses(await api.listAllMembers('limit=10')),
    );
  });
});
