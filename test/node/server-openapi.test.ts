import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Validator } from '@seriousme/openapi-schema-validator';

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

describe('GET /openapi.json', () => {
  test('serves a valid OpenAPI 3.1 document', async () => {
    const result = await api.call<Record<string, unknown>>('GET', '/v1/openapi.json');

    const validation = await new Validator().validate(result.body);

    assert.equal(result.status, 200);
    assert.equal(result.body.openapi, '3.1.0');
    assert.deepEqual(validation.errors, undefined);
    assert.equal(validation.valid, true);
  });

  test('documents exactly the registered routes', async () => {
    const result = await api.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/v1/openapi.json',
    );
    // Middleware is registered for ALL methods, and the GET handlers also serve HEAD.
    const registered = new Set(
      api.server.app.routes
        .filter((route) => route.method !== 'ALL' && route.method !== 'HEAD')
        .map((route) => operationKey(route.method, route.path.replace(/:(\w+)/g, '{$1}'))),
    );
    const documented = new Set(
      Object.entries(result.body.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => HTTP_METHODS.has(key))
          .map((method) => operationKey(method, path)),
      ),
    );

    assert.ok(registered.size > 0, 'the app registers routes');
    for (const route of registered) {
      assert.ok(documented.has(route), `${route} is registered but not in the document`);
    }
    for (const operation of documented) {
      assert.ok(registered.has(operation), `${operation} is documented but not registered`);
    }
  });
});

/** The keys of an OpenAPI path item that name operations. */
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

describe('authentication', () => {
  const cases: [string, Record<string, string>][] = [
    ['missing header', {}],
    ['other scheme', { Authorization: `Basic ${btoa('a:b')}` }],
    ['unknown token', { Authorization: 'Bearer lss_unknown' }],
  ];
  for (const [name, headers] of cases) {
    test(`answers 401 for ${name}`, async () => {
      const result = await api.call<Problem>('GET', api.workspacePath(), { headers });

      assert.equal(result.status, 401);
      assert.equal(result.body.code, 'unauthorized');
      assert.equal(result.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(result.body.type, 'https://ls-admin.dev/problems/unauthorized');
    });
  }

  test('hides workspaces the caller is not in', async () => {
    const result = await api.call<Problem>('GET', '/v1/workspaces/ws_other/members', {
      token: api.admin.sessionToken,
    });

    assert.equal(result.status, 404);
    assert.equal(result.body.code, 'not_found');
  });

  test('rejects a body that is not JSON', async () => {
    const result = await api.call<Problem>('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body: '{"name":',
    });

    assert.equal(result.status, 400);
    assert.equal(result.body.code, 'validation_failed');
  });
});
