import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { createWorkspaceClient, isHttpError } from '../../sdk/index.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { DEFAULT_CREDENTIAL_LIMITS } from '../../server/http/credential-attempts.js';
import { randomToken } from '../../server/service/secrets.js';
import { callFrom } from './support/loopback-client.js';
import { RecordingLogger } from './support/recording-logger.js';
import type { CallResult, TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

const { perCredential, perAddress } = DEFAULT_CREDENTIAL_LIMITS;
const WINDOW_SECONDS = perCredential.windowMs / 1000;

let api: TestServer;
let logger: RecordingLogger;

beforeEach(async () => {
  logger = new RecordingLogger();
  api = await startTestServer({ logger });
});

afterEach(async () => {
  await api.close();
});

type Attempt = (address: string) => Promise<CallResult<Problem>>;

/** `POST /license/activate` with a legacy key, from one loopback address. */
const activate =
  (token: string): Attempt =>
  (address) =>
    callFrom<Problem>(address, api.server.url, 'POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token } },
    });

/** `POST /invitations/accept` with an invitation token. */
const accept =
  (token: string): Attempt =>
  (address) =>
    callFrom<Problem>(address, api.server.url, 'POST', '/v1/invitations/accept', {
      body: { token, name: 'Accepting Person' },
    });

/** `GET /workspaces/{ws}` with a session token. */
const readWorkspace =
  (token: string): Attempt =>
  (address) =>
    callFrom<Problem>(address, api.server.url, 'GET', api.workspacePath(), { token });

const unknownKey = () => `lsk_${randomToken(32)}`;

async function failTimes(attempt: Attempt, address: string, times: number, status: number) {
  for (let i = 0; i < times; i++) {
    const result = await attempt(address);
    assert.equal(result.status, status, `failure ${i + 1} of ${times}: ${result.body.detail}`);
  }
}

function assertRateLimited(result: CallResult<Problem>, detail: RegExp): void {
  assert.equal(result.status, 429);
  assert.equal(result.headers.get('Content-Type'), 'application/problem+json');
  assert.equal(result.headers.get('Retry-After'), String(WINDOW_SECONDS));
  assert.equal(result.body.code, 'rate_limited');
  assert.equal(result.body.title, 'Too Many Requests');
  assert.match(result.body.detail, detail);
  assert.match(result.body.detail, new RegExp(`Wait ${WINDOW_SECONDS} seconds`));
}

describe('failed credential limits', () => {
  test('activation blocks a failing key', async () => {
    const failing = activate(unknownKey());
    await failTimes(failing, '127.0.0.2', perCredential.maxFailures, 401);

    const blocked = await failing('127.0.0.2');
    const fromElsewhere = await failing('127.0.0.3');
    const otherKey = await activate(unknownKey())('127.0.0.2');
    const validKey = await activate(api.member.legacyKey)('127.0.0.2');

    assertRateLimited(blocked, /This legacy API key failed too many times/);
    assertRateLimited(fromElsewhere, /This legacy API key failed too many times/);
    assert.equal(otherKey.status, 401, 'another key from the same address is still checked');
    assert.equal(validKey.status, 200, 'a valid key from the same address still works');
  });

  test('limit resets after the window', async () => {
    const failing = activate(unknownKey());
    await failTimes(failing, '127.0.0.2', perCredential.maxFailures, 401);
    api.clock.advance(perCredential.windowMs - 1000);
    const stillBlocked = await failing('127.0.0.2');

    api.clock.advance(1000);
    const afterWindow = await failing('127.0.0.2');

    assert.equal(stillBlocked.status, 429);
    assert.equal(stillBlocked.headers.get('Retry-After'), '1');
    assert.equal(afterWindow.status, 401);
  });

  test('address limit blocks every credential', async () => {
    // Failures of every kind of credential count toward the same address.
    const kinds: Attempt[] = [
      (address) => activate(unknownKey())(address),
      (address) => accept(`lsi_${randomToken(32)}`)(address),
      (address) => readWorkspace(`lss_${randomToken(32)}`)(address),
    ];
    for (let i = 0; i < perAddress.maxFailures; i++) {
      const attempt = kinds[i % kinds.length];
      assert.ok(attempt !== undefined);
      const result = await attempt('127.0.0.4');
      assert.ok(result.status === 401 || result.status === 404, `failure ${i + 1}`);
    }

    const validFromBlocked = await activate(api.member.legacyKey)('127.0.0.4');
    const sessionFromBlocked = await readWorkspace(api.admin.sessionToken)('127.0.0.4');
    const validFromOther = await activate(api.member.legacyKey)('127.0.0.5');
    api.clock.advance(perAddress.windowMs);
    const afterWindow = await activate(api.member.legacyKey)('127.0.0.4');

    assertRateLimited(validFromBlocked, /Too many failed credentials were sent from 127\.0\.0\.4/);
    assertRateLimited(sessionFromBlocked, /from 127\.0\.0\.4/);
    assert.equal(validFromOther.status, 200);
    assert.equal(afterWindow.status, 200);
  });

  test('blocked request does not check the credential', async () => {
    for (let i = 0; i < perAddress.maxFailures; i++) {
      assert.equal((await activate(unknownKey())('127.0.0.6')).status, 401);
    }
    const lastUsed = () =>
      api.server.database.get<{ last_used_at: string | null }>(
        'SELECT last_used_at FROM legacy_keys WHERE member_id = ?',
        [api.member.memberId],
      )?.last_used_at;
    const before = lastUsed();
    api.clock.advance(1000);

    const valid = await activate(api.member.legacyKey)('127.0.0.6');
    const invalid = await activate(unknownKey())('127.0.0.6');

    assert.equal(valid.status, 429);
    assert.equal(invalid.status, 429);
    assert.equal(valid.body.detail, invalid.body.detail, 'a valid key is not told apart');
    assert.equal(lastUsed(), before, 'the key was not used');
  });

  test('session tokens are limited per token', async () => {
    const unknownSession = readWorkspace(`lss_${randomToken(32)}`);
    await failTimes(unknownSession, '127.0.0.7', perCredential.maxFailures, 401);

    const blocked = await unknownSession('127.0.0.7');
    const validSession = await readWorkspace(api.admin.sessionToken)('127.0.0.7');

    assertRateLimited(blocked, /This session token failed too many times/);
    assert.equal(validSession.status, 200);
  });

  test('invitation tokens are limited per token', async () => {
    const unknownInvitation = accept(`lsi_${randomToken(32)}`);
    await failTimes(unknownInvitation, '127.0.0.8', perCredential.maxFailures, 404);
    const invited = await api.call('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body: { name: 'Rate Limited Invitee', email: 'limited.invitee@example.org' },
    });
    assert.equal(invited.status, 201);

    const blocked = await unknownInvitation('127.0.0.8');
    const valid = await accept(api.invitationTokenFor('limited.invitee@example.org'))('127.0.0.8');

    assertRateLimited(blocked, /This invitation token failed too many times/);
    assert.equal(valid.status, 200);
  });

  test('each block is logged once', async () => {
    const key = unknownKey();
    await failTimes(activate(key), '127.0.0.9', perCredential.maxFailures, 401);
    await activate(key)('127.0.0.9');
    await activate(key)('127.0.0.9');

    const warnings = logger.entries.filter((entry) => entry.level === 'warn');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.message, 'credential blocked after failures');
    assert.deepEqual(
      { ...warnings[0]?.fields, requestId: undefined },
      {
        requestId: undefined,
        address: '127.0.0.9',
        kind: 'legacy API key',
        scope: 'credential',
      },
    );
    const logged = logger.loggedStrings();
    assert.deepEqual(
      logged.filter((text) => text.includes(key.slice(4))),
      [],
      'the key is not logged',
    );
  });

  test('SDK reports rate_limited', async () => {
    const client = createWorkspaceClient({
      baseUrl: api.server.url,
      workspaceId: api.workspaceId,
      token: api.admin.sessionToken,
      retry: 0,
    });
    const key = unknownKey();
    for (let i = 0; i < perCredential.maxFailures; i++) {
      await assert.rejects(
        client.activateLicense({ credentials: { type: 'api-key', token: key } }),
      );
    }

    const error = await client
      .activateLicense({ credentials: { type: 'api-key', token: key } })
      .then(
        () => undefined,
        (rejection: unknown) => rejection,
      );

    assert.ok(isHttpError(error), String(error));
    assert.equal(error.status, 429);
    assert.equal(error.code, 'rate_limited');
  });
});
