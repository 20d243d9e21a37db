import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { AuthToken, RotatedAuthToken } from '../../sdk/schemas/auth-token.js';
import type { AcceptedInvitation } from '../../sdk/schemas/invitation.js';
import { buildOpenApiDocument } from '../../server/http/openapi.js';
import { hashSecret, maskSecret, randomToken } from '../../server/service/secrets.js';
import { listApiOperations } from './support/api-operations.js';
import { exampleRequest, findExampleTargets } from './support/example-requests.js';
import { RecordingLogger } from './support/recording-logger.js';
import type { CallOptions, TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

/** Any full secret the server creates: a type prefix and 32 random characters. */
const SECRET_PATTERN = /\bls(?:s|at|k|i)_[a-z0-9]{32}\b/;
/** A hex SHA-256 digest, which is how the database stores each secret. */
const HASH_PATTERN = /\b[0-9a-f]{64}\b/;

/** One response as text, with the field that may show a new secret once, if any. */
interface RecordedResponse {
  name: string;
  text: string;
  /** The JSON field that contains the secret this response creates. */
  createdSecretField?: 'token' | 'sessionToken';
}

const logger = new RecordingLogger();
const responses: RecordedResponse[] = [];
/** Every secret value that the test has seen, by description. */
const secrets = new Map<string, string>();
let api: TestServer;

before(async () => {
  api = await startTestServer({ logger });
  secrets.set('admin session token', api.admin.sessionToken);
  secrets.set('member session token', api.member.sessionToken);
  secrets.set('member legacy key', api.member.legacyKey);
});

after(async () => {
  await api.close();
});

/** Sends a request and records its status, headers and body for the scan. */
async function record<Body>(
  name: string,
  method: string,
  path: string,
  options: CallOptions = {},
  createdSecretField?: RecordedResponse['createdSecretField'],
) {
  const result = await api.call<Body>(method, path, options);
  const headers = [...result.headers].map(([key, value]) => `${key}: ${value}`).join('\n');
  responses.push({
    name: `${name} (${result.status})`,
    text: `${headers}\n\n${JSON.stringify(result.body)}`,
    createdSecretField,
  });
  return result;
}

/** Returns the response text with the created secret's field removed from the body. */
function withoutCreatedSecret(response: RecordedResponse): string {
  if (response.createdSecretField === undefined) return response.text;
  const [headers = '', body = 'null'] = response.text.split('\n\n');
  const parsed = JSON.parse(body) as Record<string, unknown>;
  delete parsed[response.createdSecretField];
  return `${headers}\n\n${JSON.stringify(parsed)}`;
}

describe('secrets after creation', () => {
  test('creating responses show the secret once', async () => {
    const rotated = await record<RotatedAuthToken>(
      'rotate',
      'POST',
      '/v1/me/auth-token/rotate',
      { token: api.admin.sessionToken },
      'token',
    );
    secrets.set('rotated auth token', rotated.body.token);
    const graceRotation = await record<RotatedAuthToken>(
      'rotate with grace period',
      'POST',
      '/v1/me/auth-token/rotate',
      { token: api.admin.sessionToken, body: { gracePeriodSeconds: 3600 } },
      'token',
    );
    secrets.set('auth token rotated with grace period', graceRotation.body.token);
    const shown = await record<AuthToken>('own auth token', 'GET', '/v1/me/auth-token', {
      token: api.admin.sessionToken,
    });

    const invited = await record('invite', 'POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body: { name: 'Secret Keeper', email: 'secret.keeper@example.org' },
    });
    const invitationToken = api.invitationTokenFor('secret.keeper@example.org');
    secrets.set('invitation token', invitationToken);
    const accepted = await record<AcceptedInvitation>(
      'accept',
      'POST',
      '/v1/invitations/accept',
      { body: { token: invitationToken, name: 'Secret Keeper' } },
      'sessionToken',
    );
    secrets.set('accepted session token', accepted.body.sessionToken);

    assert.equal(rotated.status, 200);
    assert.match(rotated.body.token, SECRET_PATTERN);
    assert.equal(rotated.body.hint, maskSecret(rotated.body.token));
    assert.equal(graceRotation.status, 200);
    assert.equal(graceRotation.body.previous?.hint, maskSecret(rotated.body.token));
    assert.equal(shown.status, 200);
    assert.equal(shown.body.hint, maskSecret(graceRotation.body.token));
    assert.equal(shown.body.previous?.hint, maskSecret(rotated.body.token));
    assert.equal(invited.status, 201);
    assert.equal(accepted.status, 200);
    assert.match(accepted.body.sessionToken, SECRET_PATTERN);
  });

  test('every route responds without secrets', async (t) => {
    const targets = await findExampleTargets(api);
    const callers = {
      admin: api.admin.sessionToken,
      member: api.member.sessionToken,
      anonymous: undefined,
    };
    for (const operation of listApiOperations()) {
      // The rotation replaces the caller's token, which the first test already recorded.
      if (operation.operationId === 'rotateOwnAuthToken') continue;
      const request = exampleRequest(operation, targets);
      for (const [caller, token] of Object.entries(callers)) {
        await t.test(`${operation.operationId} as ${caller}`, async () => {
          // Accepting an invitation creates a session and returns its token once.
          const created = operation.operationId === 'acceptInvitation' ? 'sessionToken' : undefined;
          const result = await record<Record<string, unknown>>(
            `${operation.operationId} as ${caller}`,
            request.method,
            request.path,
            { token, body: request.body, headers: request.headers },
            created,
          );
          const createdSecret = created === undefined ? undefined : result.body[created];
          if (typeof createdSecret === 'string')
            secrets.set(`${caller}'s new session`, createdSecret);
        });
      }
    }
  });

  test('failures respond without secrets', async () => {
    const rotatedToken = secrets.get('rotated auth token');
    assert.ok(rotatedToken !== undefined, 'the rotation ran first');
    const unknownKey = `lsk_${randomToken(32)}`;
    const unknownSession = `lss_${randomToken(32)}`;
    secrets.set('unknown legacy key', unknownKey);
    secrets.set('unknown session token', unknownSession);
    const activate = (name: string, type: string, token: unknown) =>
      record(name, 'POST', '/v1/license/activate', { body: { credentials: { type, token } } });

    const graceToken = secrets.get('auth token rotated with grace period');
    assert.ok(graceToken !== undefined, 'the rotation with a grace period ran first');
    const rotation = await record<RotatedAuthToken>(
      'rotate again with grace period',
      'POST',
      '/v1/me/auth-token/rotate',
      { token: api.admin.sessionToken, body: { gracePeriodSeconds: 60 } },
      'token',
    );
    secrets.set('auth token rotated again', rotation.body.token);
    await activate('activate with auth token', 'auth-token', rotation.body.token);
    await activate('activate with previous auth token', 'auth-token', graceToken);
    await record('revoke previous auth token', 'DELETE', '/v1/me/auth-token/previous', {
      token: api.admin.sessionToken,
    });
    await activate('activate with revoked previous auth token', 'auth-token', graceToken);
    await activate('activate with replaced auth token', 'auth-token', rotatedToken);
    await activate('activate with a key as auth token', 'auth-token', api.member.legacyKey);
    await activate('activate with wrong type', 'api-key', 12345);
    await activate('activate with long token', 'api-key', `${api.member.legacyKey}x`.repeat(9));
    for (let i = 0; i < 11; i++) await activate(`unknown key ${i}`, 'api-key', unknownKey);
    for (let i = 0; i < 3; i++) {
      await record(`unknown session ${i}`, 'GET', api.workspacePath(), { token: unknownSession });
    }
    await record('session as query', 'GET', api.workspacePath(`/members?query=${unknownSession}`), {
      token: api.admin.sessionToken,
    });
    await record('accept used token', 'POST', '/v1/invitations/accept', {
      body: { token: secrets.get('invitation token'), name: 'Again' },
    });
    await record('not JSON', 'POST', '/v1/license/activate', {
      body: `{"credentials":{"type":"api-key","token":"${api.member.legacyKey}"`,
    });

    // A 500: the legacy-key table is gone while a request carries a key and a session.
    api.server.database.exec('ALTER TABLE legacy_keys RENAME TO legacy_keys_hidden');
    try {
      const failed = await record('server error', 'POST', '/v1/license/activate', {
        token: api.member.sessionToken,
        body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
      });
      assert.equal(failed.status, 500);
    } finally {
      api.server.database.exec('ALTER TABLE legacy_keys_hidden RENAME TO legacy_keys');
    }
  });

  test('no response, log or document leaks one', async () => {
    const openApi = JSON.stringify(buildOpenApiDocument());
    const logged = logger.loggedStrings();
    const hashes = new Map<string, string>();
    for (const [name, secret] of secrets)
      hashes.set(`hash of the ${name}`, await hashSecret(secret));
    const known = new Map([...secrets, ...hashes]);

    assert.ok(responses.length > 60, `${responses.length} responses were recorded`);
    assert.ok(logged.length > 100, `${logged.length} logged strings were recorded`);
    const sources = [
      ...responses.map((response) => ({
        name: response.name,
        text: withoutCreatedSecret(response),
      })),
      { name: 'the OpenAPI document', text: openApi },
      ...logged.map((text, index) => ({ name: `log string ${index}`, text })),
    ];
    const leaks: string[] = [];
    for (const source of sources) {
      for (const [name, value] of known) {
        if (source.text.includes(value)) leaks.push(`${source.name} contains the ${name}`);
      }
      for (const match of source.text.matchAll(new RegExp(SECRET_PATTERN, 'g'))) {
        leaks.push(`${source.name} contains a secret ${match[0].slice(0, 8)}…`);
      }
      for (const match of source.text.matchAll(new RegExp(HASH_PATTERN, 'g'))) {
        leaks.push(`${source.name} contains a SHA-256 digest ${match[0].slice(0, 8)}…`);
      }
    }

    assert.deepEqual(leaks, []);
  });
});
