import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { seedDemoWorkspace, type DemoCredentials } from '../../server/seed/seed-demo-workspace.js';
import { startServer, type RunningServer } from '../../server/start-server.js';
import {
  createWorkspaceClient,
  isHttpError,
  WorkspaceStore,
  type WorkspaceClientOptions,
  type WorkspaceStoreState,
} from '../../sdk/index.js';

let server: RunningServer;
let demo: DemoCredentials;

beforeEach(async () => {
  server = await startServer({ databasePath: ':memory:' });
  demo = await seedDemoWorkspace(server.database);
});

afterEach(async () => {
  await server.close();
});

function storeFor(token: string, options: Partial<WorkspaceClientOptions> = {}): WorkspaceStore {
  const client = createWorkspaceClient({
    baseUrl: server.url,
    workspaceId: demo.workspaceId,
    token,
    retry: 0,
    ...options,
  });
  // These tests follow each request's own snapshots; live events would interleave with them.
  return new WorkspaceStore(client, { liveUpdates: false });
}

/** Records every snapshot a store publishes. */
function recordStates(store: WorkspaceStore): WorkspaceStoreState[] {
  const states: WorkspaceStoreState[] = [];
  store.subscribe((state) => states.push(state));
  return states;
}

function memberIn(state: WorkspaceStoreState, memberId: string) {
  const found = state.members.items.find((item) => item.id === memberId);
  assert.ok(found, `member ${memberId} is not loaded`);
  return found;
}

function usedSeats(state: WorkspaceStoreState, poolId: string): number {
  const pool = state.licenses?.pools.find((candidate) => candidate.id === poolId);
  assert.ok(pool, `no pool ${poolId} in the state`);
  return pool.used;
}

describe('WorkspaceStore loading', () => {
  test('load fills workspace, members and licenses', async () => {
    const store = storeFor(demo.admin.sessionToken);

    await store.load();

    const { state } = store;
    assert.equal(state.workspace?.workspace.id, demo.workspaceId);
    assert.ok(state.members.items.length > 0);
    assert.ok(state.members.total >= state.members.items.length);
    assert.ok(state.licenses);
    assert.equal(state.licenses.pools.length, 2);
    assert.equal(state.loading, false);
    assert.equal(state.error, null);
    assert.equal(state.members.loading, false);
  });

  test('each change publishes a new frozen snapshot', async () => {
    const store = storeFor(demo.admin.sessionToken);
    const initial = store.state;
    const states = recordStates(store);

    await store.load();

    assert.ok(states.length > 1);
    assert.equal(states[0]?.loading, true);
    assert.equal(states.at(-1), store.state);
    assert.notEqual(store.state, initial);
    assert.equal(new Set(states).size, states.length, 'every notification has a new object');
    assert.ok(Object.isFrozen(store.state));
    assert.ok(Object.isFrozen(store.state.members));
  });

  test('load records a failure instead of rejecting', async () => {
    const store = storeFor('lss_unknown');

    await store.load();

    assert.ok(isHttpError(store.state.error));
    assert.equal(store.state.error.status, 401);
    assert.ok(isHttpError(store.state.members.error));
    assert.equal(store.state.loading, false);
  });

  test('loadMore appends pages until the end', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ limit: 10 });

    while (store.state.members.nextCursor !== null) await store.loadMore();

    const { items, total } = store.state.members;
    assert.equal(items.length, total);
    assert.equal(new Set(items.map((item) => item.id)).size, total);
  });

  test('loadMigration and loadPermissions fill the state', async () => {
    const store = storeFor(demo.admin.sessionToken);

    await Promise.all([store.loadMigration(), store.loadPermissions()]);

    assert.ok(store.state.migration);
    assert.ok(store.state.migration.members.length > 0);
    assert.ok(store.state.permissions);
  });
});

describe('WorkspaceStore queries', () => {
  test('late response for an older query is discarded', async () => {
    // Holds the response to the search for "a" until the later query has its response.
    let releaseSlow!: () => void;
    const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
    const store = storeFor(demo.admin.sessionToken, {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const response = await server.app.fetch(request);
        if (new URL(request.url).searchParams.get('query') === 'a') await slowReleased;
        return response;
      },
    });

    const older = store.setQuery({ query: 'a' });
    const newer = store.setQuery({ role: 'admin' });
    await newer;
    releaseSlow();
    await older;

    const { members } = store.state;
    assert.deepEqual(members.query, { role: 'admin' });
    assert.ok(members.items.length > 0);
    assert.ok(members.items.every((item) => item.role === 'admin'));
    assert.equal(members.loading, false);
  });

  test('loadMore response after a new query is discarded', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ limit: 5 });

    const more = store.loadMore();
    await store.setQuery({ status: 'invited' });
    await more;

    assert.ok(store.state.members.items.every((item) => item.status === 'invited'));
  });
});

describe('WorkspaceStore subscribers', () => {
  test('unsubscribe stops notifications', async () => {
    const store = storeFor(demo.admin.sessionToken);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);

    await store.loadPermissions();
    const afterFirst = calls;
    unsubscribe();
    unsubscribe();
    await store.loadPermissions();

    assert.ok(afterFirst > 0);
    assert.equal(calls, afterFirst);
  });

  test('throwing listener does not stop the others', async () => {
    const reported: unknown[] = [];
    const client = createWorkspaceClient({
      baseUrl: server.url,
      workspaceId: demo.workspaceId,
      token: demo.admin.sessionToken,
    });
    const store = new WorkspaceStore(client, { onListenerError: (error) => reported.push(error) });
    const failure = new Error('listener failed');
    store.subscribe(() => {
      throw failure;
    });
    const states = recordStates(store);

    await store.loadPermissions();

    assert.equal(states.length, 1);
    assert.deepEqual(reported, [failure]);
  });

  test('same listener subscribed twice is notified twice', async () => {
    const store = storeFor(demo.admin.sessionToken);
    let calls = 0;
    const listener = () => calls++;
    const first = store.subscribe(listener);
    store.subscribe(listener);
    first();

    await store.loadPermissions();

    assert.equal(calls, 1);
  });

  test('subscribe rejects a non-function', () => {
    const store = storeFor(demo.admin.sessionToken);

    assert.throws(() => store.subscribe('listener' as never), TypeError);
  });
});

describe('WorkspaceStore changes', () => {
  test('invite reloads members and seats', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.load();
    const before = store.state;

    const invited = await store.invite({
      name: 'New Invitee',
      email: 'new.invitee@example.org',
      licenseId: 'lic_enterprise',
    });

    assert.equal(store.state.members.total, before.members.total + 1);
    assert.equal(usedSeats(store.state, 'lic_enterprise'), usedSeats(before, 'lic_enterprise') + 1);
    assert.equal(invited.licenseId, 'lic_enterprise');
  });

  test('remove drops the member and frees the seat', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ license: 'lic_team', status: 'active' });
    await store.load();
    const target = store.state.members.items.find((item) => item.role === 'member');
    assert.ok(target);
    const before = store.state;

    await store.remove(target.id);

    assert.equal(
      store.state.members.items.some((item) => item.id === target.id),
      false,
    );
    assert.equal(store.state.members.total, before.members.total - 1);
    assert.equal(usedSeats(store.state, 'lic_team'), usedSeats(before, 'lic_team') - 1);
  });

  test('assignLicense updates member and seats', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ license: 'none', status: 'active' });
    await store.load();
    const target = store.state.members.items[0];
    assert.ok(target);
    const before = store.state;

    await store.assignLicense(target.id, 'lic_enterprise');

    assert.equal(memberIn(store.state, target.id).licenseId, 'lic_enterprise');
    assert.equal(usedSeats(store.state, 'lic_enterprise'), usedSeats(before, 'lic_enterprise') + 1);
  });

  test('change marks the member pending', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.load();
    const states = recordStates(store);

    await store.resend(
      (await store.client.listMembers({ status: 'invited', limit: 1 })).items[0]?.id ?? '',
    );

    assert.equal(states[0]?.pendingMemberIds.size, 1);
    assert.equal(store.state.pendingMemberIds.size, 0);
  });

  test('updateMember shows the role at once', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.load();
    const target = memberIn(store.state, demo.member.memberId);
    const states = recordStates(store);

    const updated = await store.updateMember(target.id, { role: 'admin' });

    assert.equal(memberIn(states[0]!, target.id).role, 'admin', 'first snapshot is optimistic');
    assert.equal(updated.version, target.version + 1);
    assert.equal(memberIn(store.state, target.id), updated);
  });

  test('role change rolls back on last_admin', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ role: 'admin' });
    for (const other of store.state.members.items.filter((i) => i.id !== demo.admin.memberId)) {
      await store.updateMember(other.id, { role: 'member' });
    }
    await store.load();
    const self = memberIn(store.state, demo.admin.memberId);
    const states = recordStates(store);

    await assert.rejects(store.updateMember(self.id, { role: 'member' }), { code: 'last_admin' });

    assert.ok(states.some((state) => memberIn(state, self.id).role === 'member'));
    assert.equal(memberIn(store.state, self.id), self);
  });

  test('unassign rolls back on forbidden', async () => {
    const store = storeFor(demo.member.sessionToken);
    await store.setQuery({ license: 'any' });
    const target = store.state.members.items[0];
    assert.ok(target);
    const states = recordStates(store);

    await assert.rejects(store.unassignLicense(target.id), { status: 403, code: 'forbidden' });

    assert.equal(memberIn(states[0]!, target.id).licenseId, null, 'first snapshot is optimistic');
    assert.equal(memberIn(store.state, target.id), target);
    assert.equal(store.state.pendingMemberIds.size, 0);
  });

  test('unassign frees the seat', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ license: 'lic_team' });
    await store.load();
    const target = store.state.members.items.find((item) => item.legacyKey === null);
    assert.ok(target);
    const before = store.state;

    await store.unassignLicense(target.id);

    assert.equal(memberIn(store.state, target.id).licenseId, null);
    assert.equal(usedSeats(store.state, 'lic_team'), usedSeats(before, 'lic_team') - 1);
  });

  test('removeLegacyKey reloads the migration', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ legacyKey: 'true' });
    await store.loadMigration();
    const before = store.state.migration;
    assert.ok(before);

    await store.removeLegacyKey(demo.member.memberId);

    assert.equal(memberIn(store.state, demo.member.memberId).legacyKey, null);
    assert.equal(store.state.migration?.members.length, before.members.length - 1);
  });

  test('stale update reloads the member', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.load();
    const target = memberIn(store.state, demo.member.memberId);
    const otherAdmin = storeFor(demo.admin.sessionToken).client;
    const catalog = await otherAdmin.getPermissionCatalog();
    const permission = catalog.permissions[0];
    assert.ok(permission, 'the demo plan offers advanced permissions');
    const changed = await otherAdmin.updateMember(
      target.id,
      { permissions: [permission.id] },
      { version: target.version },
    );

    await assert.rejects(store.updateMember(target.id, { role: 'admin' }), {
      status: 412,
      code: 'version_conflict',
    });

    const reloaded = memberIn(store.state, target.id);
    assert.equal(reloaded.version, changed.version);
    assert.deepEqual(reloaded.permissions, changed.permissions);
    assert.equal(reloaded.role, 'member');
    const retried = await store.updateMember(target.id, { role: 'admin' });
    assert.equal(retried.role, 'admin');
  });

  test('refused assign reloads the seats', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.load();
    await store.setQuery({ license: 'none', status: 'active' });
    const [first, ...others] = store.state.members.items;
    assert.ok(first);
    const pool = store.state.licenses?.pools.find((candidate) => candidate.used < candidate.seats);
    assert.ok(pool, 'the demo has a pool with a free seat');
    const otherAdmin = storeFor(demo.admin.sessionToken).client;
    for (const member of others.slice(0, pool.seats - pool.used)) {
      await otherAdmin.assignLicense(member.id, pool.id);
    }

    await assert.rejects(store.assignLicense(first.id, pool.id), { code: 'no_seats_available' });

    assert.equal(usedSeats(store.state, pool.id), pool.seats);
    assert.equal(memberIn(store.state, first.id).licenseId, null);
  });

  test('change to a removed member drops it', async () => {
    const store = storeFor(demo.admin.sessionToken);
    await store.setQuery({ license: 'any' });
    const target = store.state.members.items.find((item) => item.id !== demo.admin.memberId);
    assert.ok(target);
    const totalBefore = store.state.members.total;
    await storeFor(demo.admin.sessionToken).client.removeMember(target.id);

    await assert.rejects(store.unassignLicense(target.id), { status: 404, code: 'not_found' });

    assert.equal(
      store.state.members.items.some((item) => item.id === target.id),
      false,
    );
    assert.equal(store.state.members.total, totalBefore - 1);
  });

  test('updateMember of a member not loaded needs a version', async () => {
    const store = storeFor(demo.admin.sessionToken);

    await assert.rejects(store.updateMember('mem_elsewhere', { role: 'admin' }), {
      name: 'TypeError',
      message: /pass \{ version \}/,
    });
  });
});
