import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  createWorkspaceClient,
  isHttpError,
  lastCredentialUseOf,
  type CredentialUsingMember,
  type RotationOptions,
  type WorkspaceClient,
} from '../../sdk/index.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;
let member: WorkspaceClient;

before(async () => {
  api = await startTestServer();
  member = createWorkspaceClient({
    baseUrl: api.server.url,
    workspaceId: api.workspaceId,
    token: api.member.sessionToken,
    retry: 0,
  });
});

after(async () => {
  await api.close();
});

describe('WorkspaceClient rotation', () => {
  test('keeps the replaced token for the grace period', async () => {
    const old = await member.rotateOwnAuthToken();
    const fresh = await member.rotateOwnAuthToken({ gracePeriodSeconds: 3600 });

    const activation = await member.activateLicense({
      credentials: { type: 'auth-token', token: old.token },
    });
    const shown = await member.getOwnAuthToken();

    assert.equal(fresh.previous?.hint, old.hint);
    assert.equal(activation.token, 'previous');
    assert.equal(activation.previousTokenExpiresAt, fresh.previous?.expiresAt);
    assert.equal(shown.previous?.hint, old.hint);
  });

  test('revokePreviousAuthToken stops the previous token', async () => {
    const old = await member.rotateOwnAuthToken();
    await member.rotateOwnAuthToken({ gracePeriodSeconds: 3600 });

    const revoked = await member.revokePreviousAuthToken();
    const failure = await member
      .activateLicense({ credentials: { type: 'auth-token', token: old.token } })
      .catch((error: unknown) => error);

    assert.equal(revoked.previous, null);
    assert.ok(isHttpError(failure), String(failure));
    assert.equal(failure.status, 401);
    assert.match(failure.problem?.detail ?? '', /was replaced at/);
  });

  for (const gracePeriodSeconds of [-1, 604_801, 1.5, Number.NaN]) {
    test(`rejects gracePeriodSeconds ${gracePeriodSeconds} before sending`, async () => {
      const before = await member.getOwnAuthToken();

      await assert.rejects(member.rotateOwnAuthToken({ gracePeriodSeconds }), {
        name: 'RangeError',
        message: /`gracePeriodSeconds` must be a whole number of seconds from 0 to 604800/,
      });
      assert.equal((await member.getOwnAuthToken()).hint, before.hint);
    });
  }

  const wrongTypes: [string, unknown, RegExp][] = [
    ['null', { gracePeriodSeconds: null }, /but it is null\./],
    ['a string', { gracePeriodSeconds: '60' }, /but it is the string '60'\./],
    ['an array', { gracePeriodSeconds: [60] }, /but it is an array\./],
    ['a misspelt name', { gracePeriod: 60 }, /Unknown rotation option `gracePeriod`/],
    ['null options', null, /must be an object .* but they are null\./],
  ];
  for (const [name, options, message] of wrongTypes) {
    test(`rejects ${name} before sending`, async () => {
      const before = await member.getOwnAuthToken();

      await assert.rejects(member.rotateOwnAuthToken(options as RotationOptions), {
        name: 'TypeError',
        message,
      });
      assert.equal((await member.getOwnAuthToken()).hint, before.hint);
    });
  }
});

describe('lastCredentialUseOf', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const usedAt = '2026-03-02T08:00:00.000Z';
  const previous = {
    hint: 'lsat_…old1',
    expiresAt: '2026-03-02T10:00:00.000Z',
    lastUsedAt: usedAt,
  };
  const withUse = (
    credential: string,
    hint: string,
    previousToken: typeof previous | null = null,
  ): CredentialUsingMember =>
    ({
      authToken: { hint: 'lsat_…new1', lastUsedAt: null, previous: previousToken },
      lastCredentialUse: { credential, hint, usedAt },
    }) as CredentialUsingMember;

  test('reads a member who never activated', () => {
    assert.deepEqual(lastCredentialUseOf({ authToken: null, lastCredentialUse: null }, now), {
      kind: 'never',
    });
  });

  test('reads the legacy key and the current token', () => {
    assert.deepEqual(lastCredentialUseOf(withUse('api-key', 'lsk_…key1'), now), {
      kind: 'api-key',
      hint: 'lsk_…key1',
      usedAt,
    });
    assert.deepEqual(lastCredentialUseOf(withUse('auth-token', 'lsat_…new1'), now), {
      kind: 'auth-token',
      hint: 'lsat_…new1',
      usedAt,
    });
  });

  test('gives the grace end of the previous token used', () => {
    const use = lastCredentialUseOf(withUse('previous-auth-token', 'lsat_…old1', previous), now);

    assert.deepEqual(use, {
      kind: 'previous-auth-token',
      hint: 'lsat_…old1',
      usedAt,
      graceEndsAt: previous.expiresAt,
    });
  });

  test('gives no grace end once it has passed', () => {
    const later = new Date(previous.expiresAt);

    const use = lastCredentialUseOf(withUse('previous-auth-token', 'lsat_…old1', previous), later);

    assert.equal(use.kind === 'previous-auth-token' && use.graceEndsAt, null);
  });

  test('gives no grace end when another token is the previous one', () => {
    const other = { ...previous, hint: 'lsat_…mid1' };

    const use = lastCredentialUseOf(withUse('previous-auth-token', 'lsat_…old1', other), now);

    assert.equal(use.kind === 'previous-auth-token' && use.graceEndsAt, null);
  });

  test('keeps an unknown kind of credential', () => {
    const use = lastCredentialUseOf(withUse('passkey', 'pk_…1234'), now);

    assert.deepEqual(use, { kind: 'unknown', credential: 'passkey', hint: 'pk_…1234', usedAt });
  });
});
