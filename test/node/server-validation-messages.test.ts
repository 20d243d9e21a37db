import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

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

describe('validation messages', () => {
  const queryCases: [query: string, path: string, message: string][] = [
    ['limit=0', 'limit', 'Use a number from 1 to 100.'],
    ['limit=101', 'limit', 'Use a number from 1 to 100.'],
    ['limit=abc', 'limit', 'Use a number.'],
    ['limit=2.5', 'limit', 'Use a whole number.'],
    [
      'sort=bogus',
      'sort',
      'Use one of: name, -name, email, -email, invitedAt, -invitedAt, role, -role.',
    ],
    ['role=owner', 'role', 'Use one of: admin, member.'],
    ['status=expired', 'status', 'Use one of: active, invited.'],
    [`query=${'x'.repeat(201)}`, 'query', 'Use at most 200 characters.'],
    ['license=', 'license', 'Use at least 1 character.'],
  ];

  for (const [query, path, message] of queryCases) {
    test(`members query ${query.slice(0, 20)}`, async () => {
      const result = await api.call<Problem>('GET', api.workspacePath(`/members?${query}`), {
        token: api.admin.sessionToken,
      });
      assert.equal(result.status, 400);
      assert.deepEqual(result.body.errors, [{ path, message }]);
      assert.equal(result.body.detail, `The members query is invalid: ${path}: ${message}`);
    });
  }

  for (const body of ['[]', 'null', '"text"']) {
    test(`activation body ${body}`, async () => {
      const result = await api.call<Problem>('POST', '/v1/license/activate', { body });
      assert.equal(result.status, 400);
      assert.deepEqual(result.body.errors, [{ path: '', message: 'Send a JSON object.' }]);
    });
  }

  test('credential type not allowed', async () => {
    const result = await api.call<Problem>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'password', token: 'x' } },
    });
    assert.equal(result.status, 400);
    assert.deepEqual(result.body.errors, [
      { path: 'credentials.type', message: 'Use one of: auth-token, api-key.' },
    ]);
  });

  test('missing fields are required', async () => {
    const result = await api.call<Problem>('POST', '/v1/license/activate', { body: {} });
    assert.equal(result.status, 400);
    assert.deepEqual(result.body.errors, [
      { path: 'credentials', message: 'This field is required.' },
    ]);
  });

  test('schema messages take precedence', async () => {
    const result = await api.call<Problem>('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body: { name: 'Nia Example', email: 'not-an-email' },
    });
    assert.equal(result.status, 400);
    assert.deepEqual(result.body.errors, [
      { path: 'email', message: 'Enter a valid email address, such as name@example.com.' },
    ]);
  });
});
