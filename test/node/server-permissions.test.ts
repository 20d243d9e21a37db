import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Member } from '../../sdk/schemas/member.js';
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

/** Everything a change could touch, read by an admin. */
async function snapshot() {
  const licenses = await api.call('GET', api.workspacePath('/licenses'), {
    token: api.admin.sessionToken,
  });
  const outbox = api.server.database.get<{ count: number }>('SELECT COUNT(*) AS count FROM outbox');
  return {
    members: await api.listAllMembers('limit=100'),
    licenses: licenses.body,
    emails: outbox?.count,
  };
}

async function readMember(memberId: string) {
  return api.call<Member>('GET', api.workspacePath(`/members/${memberId}`), {
    token: api.admin.sessionToken,
  });
}

/** Finds a plain member other than the caller, so that no case needs an admin as target. */
function pick(members: Member[], what: string, test: (member: Member) => boolean): Member {
  const found = members.find(
    (member) => member.id !== api.member.memberId && member.role === 'member' && test(member),
  );
  assert.ok(found, `the demo workspace has ${what}`);
  return found;
}

describe('a plain member', () => {
  test('gets 403 for every change and changes nothing', async (t) => {
    const members = await api.listAllMembers('limit=100');
    const licensed = pick(members, 'a licensed member', (member) => member.licenseId !== null);
    const invited = pick(members, 'a pending invitation', (member) => member.status === 'invited');
    const unlicensed = pick(
      members,
      'an active member without a license',
      (member) => member.status === 'active' && member.licenseId === null,
    );
    const withKey = pick(members, 'a member with a legacy key', (member) => !!member.legacyKey);
    const newEmail = 'not.invited@example.org';

    const cases: {
      name: string;
      method: string;
      path: string;
      body?: unknown;
      headers?: Record<string, string>;
      target?: Member;
    }[] = [
      {
        name: 'PATCH member',
        method: 'PATCH',
        path: `/members/${licensed.id}`,
        body: { role: 'admin' },
        headers: { 'If-Match': `"${licensed.version}"` },
        target: licensed,
      },
      {
        name: 'DELETE member',
        method: 'DELETE',
        path: `/members/${licensed.id}`,
        target: licensed,
      },
      {
        name: 'revoke invitation',
        method: 'DELETE',
        path: `/members/${invited.id}`,
        target: invited,
      },
      {
        name: 'POST invitations',
        method: 'POST',
        path: '/invitations',
        body: { name: 'Not Invited', email: newEmail, licenseId: 'lic_enterprise' },
      },
      {
        name: 'POST resend',
        method: 'POST',
        path: `/invitations/${invited.id}/resend`,
        target: invited,
      },
      {
        name: 'PUT license',
        method: 'PUT',
        path: `/members/${unlicensed.id}/license`,
        body: { licenseId: 'lic_enterprise' },
        target: unlicensed,
      },
      {
        name: 'DELETE license',
        method: 'DELETE',
        path: `/members/${licensed.id}/license`,
        target: licensed,
      },
      {
        name: 'DELETE legacy-key',
        method: 'DELETE',
        path: `/members/${withKey.id}/legacy-key`,
        target: withKey,
      },
    ];

    for (const change of cases) {
      await t.test(change.name, async () => {
        const before = await snapshot();

        const result = await api.call<Problem>(change.method, api.workspacePath(change.path), {
          token: api.member.sessionToken,
          body: change.body,
          headers: change.headers,
        });

        assert.equal(result.status, 403);
        assert.equal(result.body.code, 'forbidden');
        if (change.target !== undefined) {
          const target = await readMember(change.target.id);
          assert.equal(target.status, 200);
          assert.deepEqual(target.body, change.target);
        }
        assert.deepEqual(await snapshot(), before);
      });
    }

    assert.deepEqual(
      await api.listAllMembers(`limit=100&query=${encodeURIComponent(newEmail)}`),
      [],
    );
  });

  test('reads everything', async (t) => {
    const reads: [string, string][] = [
      ['workspace', ''],
      ['members list', '/members'],
      ['one member', `/members/${api.admin.memberId}`],
      ['licenses', '/licenses'],
      ['permissions', '/permissions'],
      ['migration', '/migration'],
    ];
    for (const [name, suffix] of reads) {
      await t.test(name, async () => {
        const result = await api.call('GET', api.workspacePath(suffix), {
          token: api.member.sessionToken,
        });

        assert.equal(result.status, 200);
      });
    }
  });
});
