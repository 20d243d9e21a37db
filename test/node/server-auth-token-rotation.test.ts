import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Activation } from '../../sdk/schemas/activation.js';
import type { AuthToken, RotatedAuthToken } from '../../sdk/schemas/auth-token.js';
import type { Member, MembersPage } from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { maskSecret } from '../../server/service/secrets.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

const HOUR_MS = 60 * 60 * 1000;

/** Activation limits high enough that the tests' expected 401s never block a credential. */
const GENEROUS_LIMITS = {
  perCredential: { maxFailures: 100, windowMs: 60_000 },
  perAddress: { maxFailures: 1000, windowMs: 60_000 },
};

let api: TestServer;

before(async () => {
  api = await startTestServer({ credentialLimits: GENEROUS_LIMITS });
});

after(async () => {
  await api.close();
});

function rotate(body?: unknown) {
  return api.call<RotatedAuthToken & Partial<Problem>>('POST', '/v1/me/auth-token/rotate', {
    token: api.member.sessionToken,
    body,
  });
}

/** Rotates the demo member's token and returns the response, failing on any other status. */
async function rotated(body?: unknown): Promise<RotatedAuthToken> {
  const result = await rotate(body);
  assert.equal(result.status, 200, JSON.stringify(result.body));
  return result.body;
}

function activate(token: string) {
  return api.call<Activation & Partial<Problem>>('POST', '/v1/license/activate', {
    body: { credentials: { type: 'auth-token', token } },
  });
}

function activateWithKey() {
  return api.call<Activation>('POST', '/v1/license/activate', {
    body: { credentials: { type: 'api-key', token: api.member.legacyKey } },
  });
}

async function ownToken(): Promise<AuthToken> {
  const result = await api.call<AuthToken>('GET', '/v1/me/auth-token', {
    token: api.member.sessionToken,
  });
  assert.equal(result.status, 200);
  return result.body;
}

async function demoMember(): Promise<Member> {
  const result = await api.call<Member>(
    'GET',
    api.workspacePath(`/members/${api.member.memberId}`),
    { token: api.admin.sessionToken },
  );
  assert.equal(result.status, 200);
  return result.body;
}

const inHours = (hours: number) => new Date(api.clock.now().getTime() + hours * HOUR_MS);

describe('rotation with a grace period', () => {
  test('keeps the old token working until the grace period ends', async () => {
    const old = await rotated();
    const fresh = await rotated({ gracePeriodSeconds: 3600 });
    const expiresAt = inHours(1).toISOString();

    const withOld = await activate(old.token);
    const withFresh = await activate(fresh.token);

    assert.deepEqual(fresh.previous, { hint: old.hint, expiresAt, lastUsedAt: null });
    assert.deepEqual(fresh.revokedTokenHints, []);
    assert.equal(withOld.status, 200);
    assert.equal(withOld.body.credential, 'auth-token');
    assert.equal(withOld.body.token, 'previous');
    assert.equal(withOld.body.previousTokenExpiresAt, expiresAt);
    assert.equal(withFresh.status, 200);
    assert.equal(withFresh.body.token, 'current');
    assert.equal(withFresh.body.previousTokenExpiresAt, null);

    api.clock.advance(HOUR_MS);
    const afterGrace = await activate(old.token);
    const freshAfterGrace = await activate(fresh.token);

    assert.equal(afterGrace.status, 401);
    assert.equal(afterGrace.body.code, 'unauthorized');
    assert.match(afterGrace.body.detail ?? '', new RegExp(`${old.hint} was replaced at`));
    assert.match(afterGrace.body.detail ?? '', new RegExp(`stopped working at ${expiresAt}`));
    assert.match(afterGrace.body.detail ?? '', /Copy the current auth token from the Auth Tokens/);
    assert.equal(freshAfterGrace.status, 200);
  });

  test('shows the previous token masked until it expires', async () => {
    const old = await rotated();
    const fresh = await rotated({ gracePeriodSeconds: 600 });
    await activate(old.token);
    const usedAt = api.clock.now().toISOString();

    const during = await ownToken();
    const memberDuring = await demoMember();
    api.clock.advance(600_000);
    const afterwards = await ownToken();
    const memberAfterwards = await demoMember();

    const previous = { hint: old.hint, expiresAt: inHours(0).toISOString(), lastUsedAt: usedAt };
    assert.equal(during.hint, fresh.hint);
    assert.deepEqual(during.previous, previous);
    assert.deepEqual(memberDuring.authToken?.previous, previous);
    assert.equal(afterwards.previous, null);
    assert.equal(memberAfterwards.authToken?.previous, null);
    assert.ok(!JSON.stringify(during).includes(old.token), 'the previous token stays masked');
  });

  test('a second rotation revokes the older previous token', async () => {
    const first = await rotated();
    const second = await rotated({ gracePeriodSeconds: 3600 });
    const third = await rotated({ gracePeriodSeconds: 3600 });

    const withFirst = await activate(first.token);
    const withSecond = await activate(second.token);
    const withThird = await activate(third.token);

    assert.deepEqual(third.revokedTokenHints, [first.hint]);
    assert.equal(third.previous?.hint, second.hint);
    assert.equal(withFirst.status, 401);
    assert.match(withFirst.body.detail ?? '', /Auth Tokens page/);
    assert.equal(withSecond.status, 200);
    assert.equal(withSecond.body.token, 'previous');
    assert.equal(withThird.status, 200);
    assert.equal(withThird.body.token, 'current');
  });

  test('revoking the previous token stops it at once', async () => {
    const old = await rotated();
    await rotated({ gracePeriodSeconds: 3600 });

    const revoked = await api.call<AuthToken>('DELETE', '/v1/me/auth-token/previous', {
      token: api.member.sessionToken,
    });
    const again = await api.call<AuthToken>('DELETE', '/v1/me/auth-token/previous', {
      token: api.member.sessionToken,
    });
    const withOld = await activate(old.token);

    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.previous, null);
    assert.equal(again.status, 200);
    assert.equal(withOld.status, 401);
    assert.match(withOld.body.detail ?? '', new RegExp(`${old.hint} was replaced at`));
  });
});

describe('rotation without a grace period', () => {
  for (const [name, body] of [
    ['no body', undefined],
    ['zero seconds', { gracePeriodSeconds: 0 }],
    ['an empty object', {}],
  ] as const) {
    test(`stops the old token at once with ${name}`, async () => {
      const old = await rotated();
      const fresh = await rotated(body);

      const withOld = await activate(old.token);
      const withFresh = await activate(fresh.token);

      assert.equal(fresh.previous, null);
      assert.deepEqual(fresh.revokedTokenHints, [old.hint]);
      assert.equal(withOld.status, 401);
      assert.match(withOld.body.detail ?? '', /was replaced at .* and stopped working then\./);
      assert.match(withOld.body.detail ?? '', /Auth Tokens page/);
      assert.equal(withFresh.status, 200);
      assert.equal(withFresh.body.token, 'current');
    });
  }
});

describe('rotation request validation', () => {
  const invalid: [string, unknown][] = [
    ['a negative grace period', { gracePeriodSeconds: -1 }],
    ['more than 7 days', { gracePeriodSeconds: 604_801 }],
    ['a fraction', { gracePeriodSeconds: 1.5 }],
    ['a string', { gracePeriodSeconds: '3600' }],
    ['null', { gracePeriodSeconds: null }],
  ];
  for (const [name, body] of invalid) {
    test(`rejects ${name}`, async () => {
      const before = await ownToken();

      const result = await rotate(body);

      assert.equal(result.status, 400);
      assert.equal(result.body.code, 'validation_failed');
      assert.equal(result.body.errors?.[0]?.path, 'gracePeriodSeconds');
      assert.match(result.body.detail ?? '', /gracePeriodSeconds/);
      assert.match(result.body.detail ?? '', /from 0 .* to 604800 \(7 days\)/);
      assert.match(result.body.detail ?? '', /Send \{"gracePeriodSeconds": n\}/);
      assert.equal((await ownToken()).hint, before.hint, 'the token was not rotated');
    });
  }

  test('rejects a misspelt field', async () => {
    const result = await rotate({ gracePeriod: 3600 });

    assert.equal(result.status, 400);
    assert.match(result.body.detail ?? '', /gracePeriod\b/);
  });

  test('accepts the 7-day maximum', async () => {
    const result = await rotate({ gracePeriodSeconds: 604_800 });

    assert.equal(result.status, 200);
    assert.equal(result.body.previous?.expiresAt, inHours(7 * 24).toISOString());
  });
});

describe('last credential use', () => {
  test('records each kind on the member', async () => {
    const old = await rotated();
    const fresh = await rotated({ gracePeriodSeconds: 3600 });
    const uses: unknown[] = [];

    for (const send of [activateWithKey, () => activate(fresh.token), () => activate(old.token)]) {
      api.clock.advance(1000);
      const result = await send();
      assert.equal(result.status, 200);
      uses.push((await demoMember()).lastCredentialUse);
    }

    const at = (secondsAgo: number) => new Date(api.clock.now().getTime() - secondsAgo * 1000);
    assert.deepEqual(uses, [
      {
        credential: 'api-key',
        hint: maskSecret(api.member.legacyKey),
        usedAt: at(2).toISOString(),
      },
      { credential: 'auth-token', hint: fresh.hint, usedAt: at(1).toISOString() },
      { credential: 'previous-auth-token', hint: old.hint, usedAt: at(0).toISOString() },
    ]);
  });

  test('shows in the member list', async () => {
    const fresh = await rotated();
    await activate(fresh.token);

    const page = await api.call<MembersPage>('GET', api.workspacePath('/members?limit=100'), {
      token: api.admin.sessionToken,
    });
    const listed = page.body.items.find((member) => member.id === api.member.memberId);

    assert.deepEqual(listed?.lastCredentialUse, {
      credential: 'auth-token',
      hint: fresh.hint,
      usedAt: api.clock.now().toISOString(),
    });
  });

  test('stays as it was after a failed activation', async () => {
    const old = await rotated();
    await rotated();
    const before = (await demoMember()).lastCredentialUse;

    api.clock.advance(1000);
    const result = await activate(old.token);

    assert.equal(result.status, 401);
    assert.deepEqual((await demoMember()).lastCredentialUse, before);
  });
});

describe('replaced tokens and the failure limiter', () => {
  test('blocks a replaced token after repeated failures', async () => {
    const limited = await startTestServer({
      credentialLimits: {
        perCredential: { maxFailures: 3, windowMs: 60_000 },
        perAddress: { maxFailures: 100, windowMs: 60_000 },
      },
    });
    try {
      const rotateLimited = () =>
        limited.call<RotatedAuthToken>('POST', '/v1/me/auth-token/rotate', {
          token: limited.member.sessionToken,
        });
      const old = (await rotateLimited()).body;
      const fresh = (await rotateLimited()).body;
      const send = (token: string) =>
        limited.call<Problem>('POST', '/v1/license/activate', {
          body: { credentials: { type: 'auth-token', token } },
        });

      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) statuses.push((await send(old.token)).status);
      const withFresh = await send(fresh.token);

      assert.deepEqual(statuses, [401, 401, 401, 429]);
      assert.equal(withFresh.status, 200);
    } finally {
      await limited.close();
    }
  });
});

describe('activation with the other credential type', () => {
  test('names the type of an auth token sent as a key', async () => {
    const { token } = await rotated();

    const result = await api.call<Problem>('POST', '/v1/license/activate', {
      body: { credentials: { type: 'api-key', token } },
    });

    assert.equal(result.status, 401);
    assert.match(result.body.detail, /legacy API key is unknown/);
    assert.match(result.body.detail, /send it with "type": "auth-token" instead of "api-key"/);
  });

  test('names the type of a key sent as an auth token', async () => {
    const result = await activate(api.member.legacyKey);

    assert.equal(result.status, 401);
    assert.match(result.body.detail ?? '', /send it with "type": "api-key" instead of/);
  });

  test('adds nothing to an unknown value', async () => {
    const result = await activate('lsat_unknown');

    assert.equal(result.status, 401);
    assert.doesNotMatch(result.body.detail ?? '', /"type"/);
  });
});
