import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { createWorkspaceClient, type WorkspaceClientOptions } from '../../sdk/index.js';

const valid: WorkspaceClientOptions = {
  baseUrl: 'http://127.0.0.1:8787',
  workspaceId: 'ws_demo',
  token: 'lss_token',
};

/** Options that `createWorkspaceClient` rejects: each case, the error class and the message. */
const invalidOptions: [string, unknown, ErrorConstructor | RangeErrorConstructor, RegExp][] = [
  [
    'baseUrl that is not a URL',
    { ...valid, baseUrl: 'http://' },
    TypeError,
    /`baseUrl`.*not a valid URL/,
  ],
  [
    'baseUrl without a scheme',
    { ...valid, baseUrl: 'localhost:8787' },
    TypeError,
    /`baseUrl`.*http or https/,
  ],
  [
    'baseUrl ending in /v1',
    { ...valid, baseUrl: 'http://127.0.0.1:8787/v1/' },
    TypeError,
    /`baseUrl`.*ends in \/v1, but the client adds \/v1 itself/,
  ],
  ['relative baseUrl in Node', { ...valid, baseUrl: '/' }, TypeError, /pass an absolute URL/],
  ['baseUrl of another type', { ...valid, baseUrl: 8787 }, TypeError, /`baseUrl`.*string or URL/],
  [
    'missing workspaceId',
    { ...valid, workspaceId: undefined },
    TypeError,
    /`workspaceId`.*missing/,
  ],
  ['empty workspaceId', { ...valid, workspaceId: '' }, TypeError, /`workspaceId`.*empty string/],
  ['non-string workspaceId', { ...valid, workspaceId: 42 }, TypeError, /`workspaceId`.*number 42/],
  [
    'both token and getToken',
    { ...valid, getToken: () => 'lss_other' },
    TypeError,
    /either the `token` option or the `getToken` option, not both/,
  ],
  ['neither token nor getToken', { ...valid, token: undefined }, TypeError, /Pass the `token`/],
  ['empty token', { ...valid, token: '' }, TypeError, /`token` must be a non-empty string/],
  [
    'getToken that is not a function',
    { ...valid, token: undefined, getToken: 'lss_token' },
    TypeError,
    /`getToken` option must be a function/,
  ],
  [
    'fetch that is not a function',
    { ...valid, fetch: {} },
    TypeError,
    /`fetch` option must be a function/,
  ],
  [
    'timeout of another type',
    { ...valid, timeout: '5000' },
    TypeError,
    /`timeout` option must be a number/,
  ],
  ['negative timeout', { ...valid, timeout: -1 }, RangeError, /`timeout`.*from 1 to/],
  ['fractional timeout', { ...valid, timeout: 1.5 }, RangeError, /`timeout`.*but it is 1.5/],
  ['timeout past setTimeout', { ...valid, timeout: 2 ** 31 }, RangeError, /`timeout`/],
  [
    'retry of another type',
    { ...valid, retry: true },
    TypeError,
    /`retry` option must be a number/,
  ],
  ['negative retry', { ...valid, retry: -1 }, RangeError, /`retry`.*0 or more/],
  ['fractional retry', { ...valid, retry: 0.5 }, RangeError, /`retry`.*0 or more/],
];

describe('createWorkspaceClient options', () => {
  for (const [name, options, errorClass, message] of invalidOptions) {
    test(`rejects ${name}`, () => {
      assert.throws(
        () => createWorkspaceClient(options as WorkspaceClientOptions),
        (error) => {
          assert.ok(
            error instanceof errorClass,
            `expected ${errorClass.name}, got ${String(error)}`,
          );
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  test('rejects a missing options object', () => {
    assert.throws(
      () => createWorkspaceClient(undefined as unknown as WorkspaceClientOptions),
      TypeError,
    );
  });

  test('accepts valid options', () => {
    const client = createWorkspaceClient({ ...valid, timeout: false, retry: 0 });

    assert.equal(client.workspaceId, 'ws_demo');
    assert.equal(client.baseUrl.href, 'http://127.0.0.1:8787/');
  });

  test('keeps the path of baseUrl', () => {
    const client = createWorkspaceClient({ ...valid, baseUrl: 'http://127.0.0.1:8787/admin' });

    assert.equal(client.baseUrl.href, 'http://127.0.0.1:8787/admin/');
  });

  test('accepts a URL object as baseUrl', () => {
    const client = createWorkspaceClient({ ...valid, baseUrl: new URL('https://a.example/') });

    assert.equal(client.baseUrl.href, 'https://a.example/');
  });
});

describe('createWorkspaceClient in a browser', () => {
  const globals = globalThis as { location?: { href: string } };

  afterEach(() => {
    delete globals.location;
  });

  test('resolves a relative baseUrl against the page', () => {
    globals.location = { href: 'http://127.0.0.1:5173/admin/index.html' };

    const client = createWorkspaceClient({ ...valid, baseUrl: '/' });

    assert.equal(client.baseUrl.href, 'http://127.0.0.1:5173/');
  });
});

describe('WorkspaceClient arguments', () => {
  const client = createWorkspaceClient(valid);

  test('rejects an empty member id', async () => {
    await assert.rejects(client.getMember(''), {
      name: 'TypeError',
      message: /`memberId` must be a non-empty string/,
    });
  });

  test('rejects a non-string member id', async () => {
    await assert.rejects(client.removeMember(7 as unknown as string), TypeError);
  });

  test('rejects an empty license id', async () => {
    await assert.rejects(client.assignLicense('mem_1', ''), {
      name: 'TypeError',
      message: /`licenseId`/,
    });
  });

  test('rejects a version that is not a whole number', async () => {
    await assert.rejects(client.updateMember('mem_1', { role: 'admin' }, { version: 0.5 }), {
      name: 'TypeError',
      message: /`version`/,
    });
  });

  test('rejects an update without its version', async () => {
    const update = client.updateMember as (memberId: string, update: object) => Promise<unknown>;

    await assert.rejects(update('mem_1', { role: 'admin' }), {
      name: 'TypeError',
      message: /`version`.*Pass it as the third argument/,
    });
  });

  test('rejects an idempotency key over 200 characters', async () => {
    const request = { name: 'Ada', email: 'ada@example.com' };

    await assert.rejects(client.invite(request, { idempotencyKey: 'k'.repeat(201) }), RangeError);
  });
});
