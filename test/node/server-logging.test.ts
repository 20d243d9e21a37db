import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Activation } from '../../sdk/schemas/activation.js';
import type { RotatedAuthToken } from '../../sdk/schemas/auth-token.js';
import type { AcceptedInvitation } from '../../sdk/schemas/invitation.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { RecordingLogger } from './support/recording-logger.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

const logger = new RecordingLogger();
let api: TestServer;

before(async () => {
  api = await startTestServer({ logger });
});

after(async () => {
  await api.close();
});

describe('server logs', () => {
  test('contain no secret', async () => {
    const secrets = new Map<string, string>([
      ['admin session token', api.admin.sessionToken],
      ['member session token', api.member.sessionToken],
      ['legacy API key', api.member.legacyKey],
    ]);
    let requests = 0;
    const call = <Body>(...args: Parameters<TestServer['call']>) => {
      requests++;
      return api.call<Body>(...args);
    };

    // Requests with an Authorization header, a valid one and an unknown one.
    assert.equal(
      (await call('GET', api.workspacePath(), { token: api.admin.sessionToken })).status,
      200,
    );
    const unknownSession = 'lss_unknownsessiontokenvalue0000000000';
    secrets.set('unknown session token', unknownSession);
    assert.equal((await call('GET', api.workspacePath(), { token: unknownSession })).status, 401);

    // An invitation creates an accept token, and accepting it creates a session.
    const invited = await call('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body: { name: 'Logged Person', email: 'logged@example.org' },
    });
    assert.equal(invited.status, 201);
    const invitationToken = api.invitationTokenFor('logged@example.org');
    secrets.set('invitation token', invitationToken);
    const accepted = await call<AcceptedInvitation>('POST', '/v1/invitations/accept', {
      body: { token: invitationToken, name: 'Logged Person' },
    });
    assert.equal(accepted.status, 200);
    secrets.set('accepted session token', accepted.body.sessionToken);

    // Rotation returns the new auth token in full, once.
    const rotated = await call<RotatedAuthToken>('POST', '/v1/me/auth-token/rotate', {
      token: api.member.sessionToken,
    });
    assert.equal(rotated.status, 200);
    secrets.set('rotated auth token', rotated.body.token);

    // Activation with both credential types, and with an unknown one.
    const byToken = await call<Activation>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'auth-token', token: rotated.body.token } },
    });
    const byKey = await call<Activation>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
    });
    const unknownKey = 'lsk_unknownlegacykeyvalue00000000000000';
    secrets.set('unknown legacy key', unknownKey);
    const byUnknown = await call<Problem>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token: unknownKey } },
    });
    assert.equal(byToken.status, 200);
    assert.equal(byKey.status, 200);
    assert.equal(byUnknown.status, 401);

    // A 500: the legacy-key table is gone while a request carries a key and a session.
    api.server.database.exec('ALTER TABLE legacy_keys RENAME TO legacy_keys_hidden');
    const failed = await call<Problem>('POST', '/v1/license/activate', {
      token: api.member.sessionToken,
      body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
    });
    api.server.database.exec('ALTER TABLE legacy_keys_hidden RENAME TO legacy_keys');
    assert.equal(failed.status, 500);
    assert.equal(failed.body.code, 'internal_error');

    const errors = logger.entries.filter((entry) => entry.level === 'error');
    const requestEntries = logger.entries.filter((entry) => entry.message === 'request');
    assert.equal(errors.length, 1, 'the 500 was logged as an error');
    assert.match(String((errors[0]?.fields as { err?: Error }).err), /legacy_keys/);
    assert.equal(requestEntries.length, requests, 'every request was logged');

    const logged = logger.loggedStrings();
    for (const [name, secret] of secrets) {
      const leaks = logged.filter((text) => text.includes(secret));
      assert.deepEqual(leaks, [], `the ${name} appears in the log`);
    }
  });
});
