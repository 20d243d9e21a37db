import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { seedDemoWorkspace, type DemoCredentials } from '../../server/seed/seed-demo-workspace.js';
import { startServer, type RunningServer } from '../../server/start-server.js';
import {
  createWorkspaceClient,
  isHttpError,
  type Member,
  type MembersQuery,
  type WorkspaceClient,
} from '../../sdk/index.js';

let server: RunningServer;
let demo: DemoCredentials;
let admin: WorkspaceClient;
let member: WorkspaceClient;

beforeEach(async () => {
  server = await startServer({ databasePath: ':memory:' });
  demo = await seedDemoWorkspace(server.database);
  const options = { baseUrl: server.url, workspaceId: demo.workspaceId, retry: 0 };
  admin = createWorkspaceClient({ ...options, token: demo.admin.sessionToken });
  member = createWorkspaceClient({ ...options, token: demo.member.sessionToken });
});

afterEach(async () => {
  await server.close();
});

/** Collects every member matching `query` through the paging iterator. */
async function listAll(client: WorkspaceClient, query: Omit<MembersQuery, 'cursor'> = {}) {
  const members: Member[] = [];
  for await (const item of client.listAllMembers(query)) members.push(item);
  return members;
}

/** Returns the HttpError that `promise` rejects with. */
async function httpErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isHttpError(error), `expected an HttpError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

function usedSeats(licenses: { pools: { id: string; used: number }[] }, poolId: string): number {
  const pool = licenses.pools.find((candidate) => candidate.id === poolId);
  assert.ok(pool, `no pool ${poolId}`);
  return pool.used;
}

describe('WorkspaceClient reads', () => {
  test('getWorkspace returns the workspace and viewer', async () => {
    const info = await admin.getWorkspace();

    assert.equal(info.workspace.id, demo.workspaceId);
    assert.equal(info.viewer.memberId, demo.admin.memberId);
    assert.equal(info.viewer.role, 'admin');
  });

  test('listMembers returns the first page', async () => {
    const page = await admin.listMembers({ limit: 10 });

    assert.equal(page.items.length, 10);
    assert.equal(typeof page.nextCursor, 'string');
    assert.ok(page.total > 10);
  });

  test('listMembers filters by role', async () => {
    const page = await admin.listMembers({ role: 'admin' });

    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((item) => item.role === 'admin'));
    assert.equal(page.total, page.items.length);
  });

  test('listMembers filters by status', async () => {
    const page = await admin.listMembers({ status: 'invited' });

    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((item) => item.status === 'invited'));
  });

  test('listMembers filters by license', async () => {
    const none = await admin.listMembers({ license: 'none' });
    const any = await admin.listMembers({ license: 'any', limit: 100 });
    const team = await admin.listMembers({ license: 'lic_team', limit: 100 });
    const all = await admin.listMembers({ limit: 1 });

    assert.ok(none.items.every((item) => item.licenseId === null));
    assert.ok(any.items.every((item) => item.licenseId !== null));
    assert.ok(team.items.every((item) => item.licenseId === 'lic_team'));
    assert.equal(none.total + any.total, all.total);
  });

  test('listMembers filters by legacy key', async () => {
    const page = await admin.listMembers({ legacyKey: 'true' });

    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((item) => item.legacyKey !== null));
  });

  test('listMembers searches name and email', async () => {
    const { items } = await admin.listMembers({ limit: 1 });
    const someone = items[0];
    assert.ok(someone);

    const page = await admin.listMembers({ query: someone.email.toUpperCase() });

    assert.ok(page.items.some((item) => item.id === someone.id));
  });

  test('listMembers sorts descending', async () => {
    const { items } = await admin.listMembers({ sort: '-email', limit: 100 });

    const emails = items.map((item) => item.email);
    assert.deepEqual(emails, [...emails].sort().reverse());
  });

  test('listAllMembers pages to the end', async () => {
    const { total } = await admin.listMembers({ limit: 1 });

    const members = await listAll(admin, { limit: 7 });

    assert.equal(members.length, total);
    assert.equal(new Set(members.map((item) => item.id)).size, total);
  });

  test('listAllMembers keeps the filters on every page', async () => {
    const members = await listAll(admin, { status: 'active', limit: 5 });

    assert.ok(members.length > 5);
    assert.ok(members.every((item) => item.status === 'active'));
  });

  test('getMember returns one member', async () => {
    const found = await admin.getMember(demo.member.memberId);

    assert.equal(found.email, demo.member.email);
  });

  test('getMember of an unknown id raises not_found', async () => {
    const error = await httpErrorOf(admin.getMember('mem_missing/../x'));

    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.match(error.url, /members\/mem_missing%2F\.\.%2Fx$/);
  });

  test('getPermissionCatalog and getMigration respond', async () => {
    const catalog = await admin.getPermissionCatalog();
    const migration = await admin.getMigration();

    assert.equal(typeof catalog.available, 'boolean');
    assert.ok(migration.members.length > 0);
  });

  test('member reads the workspace', async () => {
    const info = await member.getWorkspace();

    assert.equal(info.viewer.role, 'member');
  });
});

describe('WorkspaceClient changes', () => {
  test('invite with a license moves seats and count', async () => {
    const before = await admin.listLicenses();

    const invited = await admin.invite({
      name: 'Ada Lovelace',
      email: 'new.invitee@example.org',
      licenseId: 'lic_enterprise',
    });
    const after = await admin.listLicenses();

    assert.equal(invited.status, 'invited');
    assert.equal(invited.licenseId, 'lic_enterprise');
    assert.equal(usedSeats(after, 'lic_enterprise'), usedSeats(before, 'lic_enterprise') + 1);
    assert.equal(after.activeLicenseCount, before.activeLicenseCount + 1);
  });

  test('invite with the same key replays the member', async () => {
    const request = { name: 'Grace Hopper', email: 'grace@example.com' };

    const first = await admin.invite(request, { idempotencyKey: 'invite-grace' });
    const second = await admin.invite(request, { idempotencyKey: 'invite-grace' });

    assert.deepEqual(second, first);
  });

  test('invite of an invalid email raises validation_failed', async () => {
    const error = await httpErrorOf(admin.invite({ name: 'Ada', email: 'not-an-email' }));

    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.ok(error.errors.some((field) => field.path === 'email'));
  });

  test('invite of a member raises already_member', async () => {
    const error = await httpErrorOf(admin.invite({ name: 'Again', email: demo.member.email }));

    assert.equal(error.code, 'already_member');
  });

  test('resendInvitation moves the expiry', async () => {
    const invited = await admin.invite({ name: 'Alan Turing', email: 'alan@example.com' });

    const resent = await admin.resendInvitation(invited.id);

    assert.equal(resent.id, invited.id);
    assert.ok(resent.invitation);
    assert.ok(invited.invitation);
    assert.ok(resent.invitation.sentAt >= invited.invitation.sentAt);
  });

  test('revokeInvitation frees the seat', async () => {
    const invited = await admin.invite({
      name: 'Alan Turing',
      email: 'alan@example.com',
      licenseId: 'lic_enterprise',
    });
    const before = await admin.listLicenses();

    await admin.revokeInvitation(invited.id);
    const after = await admin.listLicenses();

    assert.equal(usedSeats(after, 'lic_enterprise'), usedSeats(before, 'lic_enterprise') - 1);
    await assert.rejects(admin.getMember(invited.id), { status: 404 });
  });

  test('assign, reassign and unassign move seats', async () => {
    const { items } = await admin.listMembers({ license: 'none', status: 'active' });
    const target = items.find((item) => item.legacyKey === null);
    assert.ok(target, 'the demo has an active member without license or legacy key');
    const before = await admin.listLicenses();

    const assigned = await admin.assignLicense(target.id, 'lic_enterprise');
    const reassigned = await admin.assignLicense(target.id, 'lic_team');
    const afterReassign = await admin.listLicenses();
    const unassigned = await admin.unassignLicense(target.id);
    const after = await admin.listLicenses();

    assert.equal(assigned.licenseId, 'lic_enterprise');
    assert.equal(reassigned.licenseId, 'lic_team');
    assert.equal(usedSeats(afterReassign, 'lic_team'), usedSeats(before, 'lic_team') + 1);
    assert.equal(usedSeats(afterReassign, 'lic_enterprise'), usedSeats(before, 'lic_enterprise'));
    assert.equal(unassigned.licenseId, null);
    assert.deepEqual(after, before);
  });

  test('assign past the last seat raises no_seats_available', async () => {
    const licenses = await admin.listLicenses();
    const team = licenses.pools.find((pool) => pool.id === 'lic_team');
    assert.ok(team);
    const free = team.seats - team.used;
    const unlicensed = await listAll(admin, { license: 'none' });
    assert.ok(unlicensed.length > free, 'the demo has more unlicensed members than free seats');

    for (const item of unlicensed.slice(0, free)) await admin.assignLicense(item.id, 'lic_team');
    const last = unlicensed[free];
    assert.ok(last);
    const error = await httpErrorOf(admin.assignLicense(last.id, 'lic_team'));

    assert.equal(error.status, 409);
    assert.equal(error.code, 'no_seats_available');
    assert.match(error.message, /^PUT http:\S+\/license failed with 409 no_seats_available: /);
  });

  test('removeMember frees the seat', async () => {
    const { items } = await admin.listMembers({ license: 'lic_team', status: 'active' });
    const target = items.find((item) => item.id !== demo.admin.memberId);
    assert.ok(target);
    const before = await admin.listLicenses();

    await admin.removeMember(target.id);
    const after = await admin.listLicenses();

    assert.equal(usedSeats(after, 'lic_team'), usedSeats(before, 'lic_team') - 1);
    await assert.rejects(admin.getMember(target.id), { code: 'not_found' });
  });

  test('removeLegacyKey clears the key', async () => {
    const updated = await admin.removeLegacyKey(demo.member.memberId);

    assert.equal(updated.legacyKey, null);
  });

  test('updateMember changes the role with If-Match', async () => {
    const current = await admin.getMember(demo.member.memberId);

    const updated = await admin.updateMember(
      current.id,
      { role: 'admin' },
      { version: current.version },
    );

    assert.equal(updated.role, 'admin');
    assert.equal(updated.version, current.version + 1);
  });

  test('updateMember with a stale version raises version_conflict', async () => {
    const current = await admin.getMember(demo.member.memberId);
    await admin.updateMember(current.id, { role: 'admin' }, { version: current.version });

    const error = await httpErrorOf(
      admin.updateMember(current.id, { role: 'member' }, { version: current.version }),
    );

    assert.equal(error.status, 412);
    assert.equal(error.code, 'version_conflict');
    assert.equal(error.method, 'PATCH');
  });

  test('demoting the last admin raises last_admin', async () => {
    const admins = await listAll(admin, { role: 'admin' });
    const others = admins.filter((item) => item.id !== demo.admin.memberId);
    for (const other of others) {
      await admin.updateMember(other.id, { role: 'member' }, { version: other.version });
    }
    const self = await admin.getMember(demo.admin.memberId);

    const error = await httpErrorOf(
      admin.updateMember(self.id, { role: 'member' }, { version: self.version }),
    );

    assert.equal(error.status, 409);
    assert.equal(error.code, 'last_admin');
  });

  test('member token raises forbidden on changes', async () => {
    const changes: [string, () => Promise<unknown>][] = [
      ['invite', () => member.invite({ name: 'Eve', email: 'eve@example.com' })],
      ['removeMember', () => member.removeMember(demo.admin.memberId)],
      ['assignLicense', () => member.assignLicense(demo.member.memberId, 'lic_team')],
      ['unassignLicense', () => member.unassignLicense(demo.member.memberId)],
      ['removeLegacyKey', () => member.removeLegacyKey(demo.member.memberId)],
      [
        'updateMember',
        () => member.updateMember(demo.admin.memberId, { role: 'member' }, { version: 1 }),
      ],
    ];

    for (const [name, change] of changes) {
      const error = await httpErrorOf(change());
      assert.equal(error.status, 403, name);
      assert.equal(error.code, 'forbidden', name);
    }
  });

  test('unknown session token raises unauthorized', async () => {
    const stranger = createWorkspaceClient({
      baseUrl: server.url,
      workspaceId: demo.workspaceId,
      token: 'lss_unknown',
    });

    const error = await httpErrorOf(stranger.getWorkspace());

    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthorized');
  });
});

describe('WorkspaceClient credentials', () => {
  test('rotate then activate with the new auth token', async () => {
    const before = await member.getOwnAuthToken();

    const rotated = await member.rotateOwnAuthToken();
    const activation = await member.activateLicense({
      credentials: { type: 'auth-token', token: rotated.token },
    });

    assert.notEqual(rotated.hint, before.hint);
    assert.equal(activation.memberId, demo.member.memberId);
    assert.equal(activation.credential, 'auth-token');
  });

  test('activate with the legacy key', async () => {
    const activation = await admin.activateLicense({
      credentials: { type: 'api-key', token: demo.member.legacyKey },
    });

    assert.equal(activation.credential, 'api-key');
  });

  test('activate with an unknown token raises unauthorized once', async () => {
    let calls = 0;
    const client = createWorkspaceClient({
      baseUrl: server.url,
      workspaceId: demo.workspaceId,
      getToken: () => {
        calls++;
        return demo.admin.sessionToken;
      },
    });

    const error = await httpErrorOf(
      client.activateLicense({ credentials: { type: 'auth-token', token: 'lsat_unknown' } }),
    );

    assert.equal(error.status, 401);
    assert.equal(calls, 0, 'activation authenticates through its body, not the session');
  });
});

describe('WorkspaceClient with an in-process fetch', () => {
  test('reaches the app without a socket', async () => {
    const client = createWorkspaceClient({
      baseUrl: 'http://ls-admin.test',
      workspaceId: demo.workspaceId,
      token: demo.admin.sessionToken,
      fetch: async (input, init) => server.app.fetch(new Request(input, init)),
    });

    const info = await client.getWorkspace();

    assert.equal(info.workspace.id, demo.workspaceId);
  });
});
