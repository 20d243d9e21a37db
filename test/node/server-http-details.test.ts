import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Member } from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { MAX_BODY_BYTES } from '../../server/http/validation.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;

before(async () => {
  api = await startTestServer();
});

after(async () => {
  await api.close();
});

/** Sends a raw body with the given Content-Type to `POST /license/activate`. */
async function activate(body: string, contentType: string): Promise<Response> {
  return fetch(`${api.server.url}/v1/license/activate`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });
}

const ACTIVATION = JSON.stringify({ credentials: { type: 'api-key', token: 'lsk_unknown' } });

describe('request bodies', () => {
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
    test(`rejects ${contentType}`, async () => {
      const response = await activate(ACTIVATION, contentType);
      const problem = (await response.json()) as Problem;
      assert.equal(response.status, 415);
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(problem.code, 'unsupported_media_type');
      assert.match(problem.detail, /Content-Type: application\/json/);
    });
  }

  for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
    test(`accepts ${contentType}`, async () => {
      const response = await activate(ACTIVATION, contentType);
      await response.body?.cancel();
      assert.equal(response.status, 401);
    });
  }

  test('rejects a body over the limit', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    const response = await activate(JSON.stringify({ padding }), 'application/json');
    const problem = (await response.json()) as Problem;
    assert.equal(response.status, 413);
    assert.equal(problem.code, 'payload_too_large');
    assert.match(problem.detail, new RegExp(`larger than ${MAX_BODY_BYTES} bytes`));
  });

  test('rejects an empty Idempotency-Key', async () => {
    const result = await api.call<Problem>('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      headers: { 'Idempotency-Key': '' },
      body: { name: 'Nia Example', email: 'nia@example.com' },
    });
    assert.equal(result.status, 400);
    assert.equal(result.body.code, 'validation_failed');
    assert.equal(result.body.errors?.[0]?.path, 'Idempotency-Key');
  });
});

describe('If-Match', () => {
  async function readTarget(): Promise<Member> {
    const members = await api.listAllMembers('role=member&status=active');
    const target = members.find((member) => member.id !== api.member.memberId);
    assert.ok(target, 'the demo workspace has an active member to change');
    return target;
  }

  test('* matches any version', async () => {
    const target = await readTarget();
    const result = await api.call<Member>('PATCH', api.workspacePath(`/members/${target.id}`), {
      token: api.admin.sessionToken,
      headers: { 'If-Match': '*' },
      body: { role: 'member' },
    });
    assert.equal(result.status, 200);
    assert.equal(result.body.id, target.id);
  });

  test('a newer version is not blamed on others', async () => {
    const target = await readTarget();
    const future = target.version + 5;
    const result = await api.call<Problem>('PATCH', api.workspacePath(`/members/${target.id}`), {
      token: api.admin.sessionToken,
      headers: { 'If-Match': `"${future}"` },
      body: { role: 'member' },
    });
    assert.equal(result.status, 412);
    assert.equal(result.body.code, 'version_conflict');
    assert.doesNotMatch(result.body.detail, /changed it/);
    assert.match(result.body.detail, /Read the member again/);
  });

  test('an older version names the change', async () => {
    const target = await readTarget();
    const path = api.workspacePath(`/members/${target.id}`);
    const changed = await api.call<Member>('PATCH', path, {
      token: api.admin.sessionToken,
      headers: { 'If-Match': `"${target.version}"` },
      body: { role: 'admin' },
    });
    assert.equal(changed.status, 200);

    const stale = await api.call<Problem>('PATCH', path, {
      token: api.admin.sessionToken,
      headers: { 'If-Match': `"${target.version}"` },
      body: { role: 'member' },
    });
    assert.equal(stale.status, 412);
    assert.match(stale.body.detail, /Someone changed it after you read it/);
  });
});
