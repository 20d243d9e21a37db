import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { AcceptedInvitation } from '../../sdk/schemas/invitation.js';
import type { Licenses } from '../../sdk/schemas/license.js';
import type { Member } from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A member on success, a problem's code and field errors on failure. */
type MemberOrProblem = Member & Partial<Pick<Problem, 'code' | 'errors'>>;

let api: TestServer;

before(async () => {
  api = await startTestServer();
});

after(async () => {
  await api.close();
});

function invite(body: unknown, headers?: Record<string, string>) {
  return api.call<MemberOrProblem>('POST', api.workspacePath('/invitations'), {
    token: api.admin.sessionToken,
    body,
    headers,
  });
}

async function poolUsage(poolId: string): Promise<number | undefined> {
  const licenses = await api.call<Licenses>('GET', api.workspacePath('/licenses'), {
    token: api.admin.sessionToken,
  });
  return licenses.body.pools.find((pool) => pool.id === poolId)?.used;
}

describe('POST /invitations', () => {
  test('creates an invited member with a Location', async () => {
    const result = await invite({ name: '  Mina Rees ', email: 'Mina.Rees@Example.com' });

    assert.equal(result.status, 201);
    assert.equal(result.body.status, 'invited');
    assert.equal(result.body.name, 'Mina Rees');
    assert.equal(result.body.email, 'Mina.Rees@Example.com');
    assert.equal(result.body.role, 'member');
    assert.equal(result.headers.get('Location'), api.workspacePath(`/members/${result.body.id}`));
    assert.equal(
      Date.parse(result.body.invitation?.expiresAt ?? '') - api.clock.now().getTime(),
      7 * DAY_MS,
    );
  });

  test('rejects an email already in the workspace', async () => {
    const result = await invite({ name: 'Ada', email: 'ADA.LOVELACE@example.com' });

    assert.equal(result.status, 409);
    assert.equal(result.body.code, 'already_member');
  });

  test('takes a seat with the invitation', async () => {
    const before = await poolUsage('lic_enterprise');

    const result = await invite({
      name: 'Ida Rhodes',
      email: 'ida@example.com',
      licenseId: 'lic_enterprise',
    });

    assert.equal(result.status, 201);
    assert.equal(result.body.licenseId, 'lic_enterprise');
    assert.equal(await poolUsage('lic_enterprise'), (before ?? 0) + 1);
  });

  test('saves nothing when the pool is full', async () => {
    const fill = await invite({
      name: 'Fill',
      email: 'fill@example.com',
      licenseId: 'lic_enterprise',
    });
    assert.equal(fill.status, 201);
    assert.equal(await poolUsage('lic_enterprise'), 12);

    const result = await invite({
      name: 'Late',
      email: 'late@example.com',
      licenseId: 'lic_enterprise',
    });
    const retry = await invite({ name: 'Late', email: 'late@example.com' });

    assert.equal(result.status, 409);
    assert.equal(result.body.code, 'no_seats_available');
    assert.equal(retry.status, 201, 'the failed invitation left no member behind');
  });

  test('rejects an unknown pool', async () => {
    const result = await invite({ name: 'X', email: 'x@example.com', licenseId: 'lic_nope' });

    assert.equal(result.status, 400);
    assert.equal(result.body.errors?.[0]?.path, 'licenseId');
  });

  test('lists each invalid field', async () => {
    const result = await invite({ name: ' ', email: 'not-an-email' });

    assert.equal(result.status, 400);
    assert.deepEqual(
      result.body.errors?.map((error) => error.path),
      ['name', 'email'],
    );
  });

  test('forbids members', async () => {
    const result = await api.call<Problem>('POST', api.workspacePath('/invitations'), {
      token: api.member.sessionToken,
      body: { name: 'Y', email: 'y@example.com' },
    });

    assert.equal(result.status, 403);
  });
});

describe('Idempotency-Key', () => {
  test('replays the first answer', async () => {
    const body = { name: 'Rózsa Péter', email: 'rozsa@example.com' };
    const headers = { 'Idempotency-Key': 'key-replay' };

    const first = await invite(body, headers);
    const second = await invite({ email: body.email, name: body.name }, headers);

    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('Idempotency-Replayed'), 'true');
    assert.equal(first.headers.get('Idempotency-Replayed'), null);
    assert.deepEqual(second.body, first.body);
  });

  test('rejects the same key with another body', async () => {
    const headers = { 'Idempotency-Key': 'key-reused' };
    await invite({ name: 'One', email: 'one@example.com' }, headers);

    const result = await invite({ name: 'Two', email: 'two@example.com' }, headers);

    assert.equal(result.status, 422);
    assert.equal(result.body.code, 'idempotency_key_reused');
  });

  test('expires after 24 hours', async () => {
    const headers = { 'Idempotency-Key': 'key-expiring' };
    await invite({ name: 'Three', email: 'three@example.com' }, headers);
    api.clock.advance(DAY_MS + 1000);

    const result = await invite({ name: 'Three', email: 'three@example.com' }, headers);

    assert.equal(result.status, 409, 'the request ran again and found the member');
    assert.equal(result.body.code, 'already_member');
  });
});

describe('resend and accept', () => {
  test('resend moves the expiry and accept activates', async () => {
    const invited = await invite({ name: 'Placeholder', email: 'joan.clarke@example.org' });
    const firstToken = api.invitationTokenFor('joan.clarke@example.org');
    api.clock.advance(2 * DAY_MS);

    const resent = await api.call<Member>(
      'POST',
      api.workspacePath(`/invitations/${invited.body.id}/resend`),
      { token: api.admin.sessionToken },
    );
    const newToken = api.invitationTokenFor('joan.clarke@example.org');
    const stale = await api.call<Problem>('POST', '/v1/invitations/accept', {
      body: { token: firstToken, name: 'Joan Clarke' },
    });
    const accepted = await api.call<AcceptedInvitation>('POST', '/v1/invitations/accept', {
      body: { token: newToken, name: 'Joan Clarke' },
    });
    const workspace = await api.call('GET', api.workspacePath(), {
      token: accepted.body.sessionToken,
    });

    assert.equal(resent.status, 200);
    assert.equal(
      Date.parse(resent.body.invitation?.expiresAt ?? ''),
      api.clock.now().getTime() + 7 * DAY_MS,
    );
    assert.notEqual(newToken, firstToken);
    assert.equal(stale.status, 404);
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.member.status, 'active');
    assert.equal(accepted.body.member.name, 'Joan Clarke');
    assert.equal(accepted.body.member.invitation, null);
    assert.equal(workspace.status, 200);
  });

  test('rejects an expired invitation', async () => {
    await invite({ name: 'Late', email: 'expired@example.org' });
    const token = api.invitationTokenFor('expired@example.org');
    api.clock.advance(8 * DAY_MS);

    const result = await api.call<Problem>('POST', '/v1/invitations/accept', {
      body: { token, name: 'Late Person' },
    });

    assert.equal(result.status, 409);
    assert.equal(result.body.code, 'invitation_expired');
  });

  test('resend rejects an active member', async () => {
    const result = await api.call<Problem>(
      'POST',
      api.workspacePath(`/invitations/${api.member.memberId}/resend`),
      { token: api.admin.sessionToken },
    );

    assert.equal(result.status, 409);
    assert.equal(result.body.code, 'not_invited');
  });

  test('revoking frees the seat', async () => {
    const team = await poolUsage('lic_team');
    const invited = await invite({
      name: 'Seat',
      email: 'seat@example.org',
      licenseId: 'lic_team',
    });
    assert.equal(await poolUsage('lic_team'), (team ?? 0) + 1);

    const revoked = await api.call('DELETE', api.workspacePath(`/members/${invited.body.id}`), {
      token: api.admin.sessionToken,
    });

    assert.equal(revoked.status, 204);
    assert.equal(await poolUsage('lic_team'), team);
  });
});
