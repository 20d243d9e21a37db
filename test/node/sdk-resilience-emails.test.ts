import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import {
  createWorkspaceClient,
  EmailAddress,
  isHttpError,
  type Member,
  type WorkspaceClient,
} from '../../sdk/index.js';
import { listOutbox } from '../../server/service/outbox.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let api: TestServer;
let client: WorkspaceClient;

/** Returns the members whose email equals `email` without regard to case, read from the server. */
async function membersWithEmail(email: string): Promise<Member[]> {
  const members = await api.listAllMembers(`query=${encodeURIComponent(email)}`);
  return members.filter((member) => member.email.toLowerCase() === email.toLowerCase());
}

function emailsTo(email: string): number {
  const outbox = listOutbox({ db: api.server.database });
  return outbox.filter((entry) => entry.recipient.toLowerCase() === email.toLowerCase()).length;
}

beforeEach(async () => {
  api = await startTestServer();
  client = createWorkspaceClient({
    baseUrl: api.server.url,
    workspaceId: api.workspaceId,
    token: api.admin.sessionToken,
    retry: 0,
  });
});

afterEach(async () => {
  await api.close();
});

describe('invite email addresses', () => {
  for (const email of ['m@dept.example.co.jp', 'm@a.b.example.com', 'm+team@example.com']) {
    test(`${email} is stored as typed`, async () => {
      const parsed = EmailAddress.safeParse(email);
      const invited = await client.invite({ name: 'Mail Test', email });
      const read = await client.getMember(invited.id);

      assert.equal(parsed.success, true);
      assert.equal(invited.email, email);
      assert.equal(read.email, email);
    });
  }

  test('spaces and a tab around an email are trimmed', async () => {
    const invited = await client.invite({ name: 'Padded', email: ' \tpadded@example.org\t ' });
    const read = await client.getMember(invited.id);

    assert.equal(invited.email, 'padded@example.org');
    assert.equal(read.email, 'padded@example.org');
  });

  test('email differing only in case is already a member', async () => {
    const existing = await client.invite({
      name: 'Name Surname',
      email: 'Name.Surname@Example.com',
    });
    const accepted = await api.call<{ member: Member }>('POST', '/v1/invitations/accept', {
      body: { token: api.invitationTokenFor('Name.Surname@Example.com'), name: 'Name Surname' },
    });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.member.status, 'active');

    await assert.rejects(
      client.invite({ name: 'Name Again', email: 'name.surname@example.com' }),
      (error) => {
        assert.ok(isHttpError(error));
        assert.equal(error.status, 409);
        assert.equal(error.code, 'already_member');
        return true;
      },
    );
    const stored = await membersWithEmail('name.surname@example.com');

    assert.deepEqual(
      stored.map((member) => [member.id, member.email, member.status]),
      [[existing.id, 'Name.Surname@Example.com', 'active']],
    );
    assert.equal(emailsTo('name.surname@example.com'), 1, 'only the first invitation is sent');
  });
});
