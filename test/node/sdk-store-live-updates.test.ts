import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import {
  createWorkspaceClient,
  isHttpError,
  WorkspaceStore,
  type Member,
  type WorkspaceClient,
  type WorkspaceClientOptions,
  type WorkspaceStoreState,
} from '../../sdk/index.js';
import { createApp } from '../../server/http/create-app.js';
import { seedDemoWorkspace, type DemoCredentials } from '../../server/seed/seed-demo-workspace.js';
import { WorkspaceEventHub } from '../../server/service/workspace-events.js';
import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import { applySchema } from '../../server/storage/schema.js';
import { startServer, type RunningServer } from '../../server/start-server.js';
import { startLoopbackProxy, type LoopbackProxy } from '../e2e/support/loopback-proxy.js';

let server: RunningServer;
let demo: DemoCredentials;
let proxy: LoopbackProxy;

/** The request line of an event stream request. */
const EVENTS_REQUEST = /^GET \/v1\/workspaces\/[^/]+\/events[ ?]/;
const stores: WorkspaceStore[] = [];

beforeEach(async () => {
  server = await startServer({ databasePath: ':memory:' });
  demo = await seedDemoWorkspace(server.database);
  proxy = await startLoopbackProxy(server.port);
});

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  await proxy.close();
  await server.close();
});

/** Counts the calls of each client method. */
type CallCounts = Partial<Record<keyof WorkspaceClient, number>>;

/** Creates a client that counts its calls in `counts`. */
function countingClient(client: WorkspaceClient, counts: CallCounts): WorkspaceClient {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const name = key as keyof WorkspaceClient;
        counts[name] = (counts[name] ?? 0) + 1;
        return (value as (...values: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

interface TestStore {
  store: WorkspaceStore;
  counts: CallCounts;
  states: WorkspaceStoreState[];
}

/**
 * Creates a store that subscribes, so that its stream opens after `load()`. `via` is the
 * origin its requests go to: the server itself or the proxy in front of it.
 */
async function openStore(
  options: Partial<WorkspaceClientOptions> & { via?: string } = {},
): Promise<TestStore> {
  const counts: CallCounts = {};
  const { via, ...clientOptions } = options;
  const client = createWorkspaceClient({
    baseUrl: via ?? server.url,
    workspaceId: demo.workspaceId,
    token: clientOptions.getToken === undefined ? demo.admin.sessionToken : undefined,
    retry: 0,
    ...clientOptions,
  });
  const store = new WorkspaceStore(countingClient(client, counts));
  stores.push(store);
  const states: WorkspaceStoreState[] = [];
  store.subscribe((state) => states.push(state));
  await store.load();
  return { store, counts, states };
}

/** Polls `check` until it returns true, and fails with `what` after `timeoutMs`. */
async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const loaded = (store: WorkspaceStore, memberId: string): Member | undefined =>
  store.state.members.items.find((member) => member.id === memberId);

const isOpen = (store: WorkspaceStore) => () => store.state.live === 'open';

/** Returns the first loaded active member with the plain member role, to change the role of. */
function plainMember(store: WorkspaceStore): Member {
  const member = store.state.members.items.find(
    (item) =>
      item.role === 'member' && item.status === 'active' && item.id !== demo.member.memberId,
  );
  assert.ok(member, 'a plain active member is loaded');
  return member;
}

describe('WorkspaceStore live updates', () => {
  test('opens the stream after load for a subscriber', async () => {
    const { store, states } = await openStore();

    await waitFor(isOpen(store), 'the stream is open');

    assert.deepEqual(
      states.map((state) => state.live).filter((live, index, all) => live !== all[index - 1]),
      ['off', 'connecting', 'open'],
    );
    assert.equal(server.events.subscriberCount(demo.workspaceId), 1);
  });

  test('stays off without a subscriber', async () => {
    const client = createWorkspaceClient({
      baseUrl: server.url,
      workspaceId: demo.workspaceId,
      token: demo.admin.sessionToken,
    });
    const store = new WorkspaceStore(client);
    stores.push(store);

    await store.load();
    await new Promise((resolve) => setTimeout(resolve, 50));

    assert.equal(store.state.live, 'off');
    assert.equal(server.events.subscriberCount(), 0);
  });

  test('invitation by A shows in B', async () => {
    const a = await openStore();
    const b = await openStore();
    await waitFor(isOpen(b.store), 'B is open');
    const totalBefore = b.store.state.members.total;
    const loadedBefore = b.store.state.members.items.length;

    const invited = await a.store.invite({ name: 'Aaron Abel', email: 'aaron.abel@example.org' });

    await waitFor(() => loaded(b.store, invited.id) !== undefined, 'B lists the invitee');
    assert.equal(b.store.state.members.total, totalBefore + 1);
    assert.ok(b.store.state.members.items.length >= loadedBefore, 'no loaded member was lost');
    assert.equal(b.store.state.members.loading, false);
  });

  test('role change by A shows in B in place', async () => {
    const a = await openStore();
    const b = await openStore();
    await waitFor(isOpen(b.store), 'B is open');
    const target = plainMember(a.store);
    const listsBefore = b.counts.listMembers;

    const changed = await a.store.updateMember(target.id, { role: 'admin' });

    await waitFor(() => loaded(b.store, target.id)?.role === 'admin', 'B shows the new role');
    assert.deepEqual(loaded(b.store, target.id), changed);
    assert.equal(b.counts.listMembers, listsBefore, 'B applied the event without a request');
  });

  test('removal by A drops the member in B', async () => {
    const a = await openStore();
    const b = await openStore();
    await waitFor(isOpen(b.store), 'B is open');
    const target = plainMember(a.store);
    const totalBefore = b.store.state.members.total;

    await a.store.remove(target.id);

    await waitFor(() => loaded(b.store, target.id) === undefined, 'B no longer lists them');
    assert.equal(b.store.state.members.total, totalBefore - 1);
  });

  test('seat change by A updates the seats in B', async () => {
    const a = await openStore();
    const b = await openStore();
    await waitFor(isOpen(b.store), 'B is open');
    const target = a.store.state.members.items.find((member) => member.licenseId !== null);
    assert.ok(target?.licenseId);
    const poolId = target.licenseId;
    const used = (state: WorkspaceStoreState) =>
      state.licenses?.pools.find((pool) => pool.id === poolId)?.used;
    const usedBefore = used(b.store.state);
    assert.ok(usedBefore !== undefined);

    await a.store.unassignLicense(target.id);

    await waitFor(() => used(b.store.state) === usedBefore - 1, 'B shows the freed seat');
  });

  test('own change echo changes nothing', async () => {
    const a = await openStore();
    const b = await openStore();
    await waitFor(isOpen(a.store), 'A is open');
    await waitFor(isOpen(b.store), 'B is open');
    const target = plainMember(a.store);

    const changed = await a.store.updateMember(target.id, { role: 'admin' });
    const afterResponse = a.store.state.members;
    const requests = { ...a.counts };
    // B receives the same event, so by then A has received its echo as well.
    await waitFor(() => loaded(b.store, target.id)?.role === 'admin', 'B got the event');
    await new Promise((resolve) => setTimeout(resolve, 50));

    assert.equal(a.store.state.members, afterResponse, 'the member list was not replaced');
    assert.equal(loaded(a.store, target.id), changed);
    assert.deepEqual(a.counts, requests, 'the echo sent no request');
  });
});

describe('WorkspaceStore live reconnection', () => {
  test('reconnects after the connection drops', async () => {
    const a = await openStore();
    const b = await openStore({ via: proxy.url });
    await waitFor(isOpen(b.store), 'B is open');
    const opens = proxy.requestTimes(EVENTS_REQUEST).length;

    proxy.cut();
    proxy.restore();

    await waitFor(() => b.store.state.live === 'reconnecting', 'B is reconnecting');
    await waitFor(isOpen(b.store), 'B is open again');
    assert.equal(proxy.requestTimes(EVENTS_REQUEST).length, opens + 1);
    const invited = await a.store.invite({ name: 'Aaron Abel', email: 'aaron.abel@example.org' });
    await waitFor(() => loaded(b.store, invited.id) !== undefined, 'B lists the invitee');
  });

  test('catches up on a change made while cut', async () => {
    const a = await openStore();
    const b = await openStore({ via: proxy.url });
    await waitFor(isOpen(b.store), 'B is open');
    const target = plainMember(a.store);
    const listsBefore = b.counts.listMembers;

    proxy.cut();
    await waitFor(() => b.store.state.live === 'reconnecting', 'B noticed the cut');
    const changed = await a.store.updateMember(target.id, { role: 'admin' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(loaded(b.store, target.id)?.role, 'member', 'B cannot see it while cut');
    proxy.restore();

    await waitFor(() => loaded(b.store, target.id)?.role === 'admin', 'B caught up');
    assert.deepEqual(loaded(b.store, target.id), changed);
    assert.equal(b.counts.listMembers, listsBefore, 'B caught up from the stream, not a reload');
  });

  test('reloads after a reset', async () => {
    // A hub that keeps one event, so that two changes while B is away force a reset.
    const database = openBetterSqliteDatabase(':memory:');
    applySchema(database);
    const seeded = await seedDemoWorkspace(database);
    const app = createApp({ database, events: new WorkspaceEventHub({ bufferSize: 1 }) });
    const inProcess = {
      baseUrl: 'http://in-process',
      workspaceId: seeded.workspaceId,
      token: seeded.admin.sessionToken,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) =>
        app.fetch(new Request(input, init)),
    };
    const a = new WorkspaceStore(createWorkspaceClient(inProcess));
    const b = new WorkspaceStore(createWorkspaceClient(inProcess));
    stores.push(a, b);
    await Promise.all([a.load(), b.load()]);
    let unsubscribe = b.subscribe(() => {});
    await waitFor(isOpen(b), 'B is open');
    const target = plainMember(a);

    const licensed = a.state.members.items.find((member) => member.licenseId !== null);
    assert.ok(licensed);

    unsubscribe();
    await waitFor(() => b.state.live === 'off', 'B closed its stream');
    await a.updateMember(target.id, { role: 'admin' });
    // The hub keeps only this change's last event, `licenses`, so the role change is lost.
    await a.unassignLicense(licensed.id);
    unsubscribe = b.subscribe(() => {});

    await waitFor(() => loaded(b, target.id)?.role === 'admin', 'B reloaded after the reset');
    assert.equal(loaded(b, licensed.id)?.licenseId, null);
    unsubscribe();
    database.close();
  });
});

describe('WorkspaceStore live failures', () => {
  test('refreshes the token after a 401', async () => {
    let staleTokens = 0;
    const client = createWorkspaceClient({
      baseUrl: server.url,
      workspaceId: demo.workspaceId,
      // The first token of the stream is one that the server rejects.
      getToken: () => (staleTokens-- > 0 ? 'lss_rejected' : demo.admin.sessionToken),
    });
    const store = new WorkspaceStore(client);
    stores.push(store);
    await store.load();
    staleTokens = 1;

    store.subscribe(() => {});

    await waitFor(isOpen(store), 'the stream is open with the refreshed token');
    assert.equal(staleTokens, -1, 'the provider was asked again');
    assert.equal(store.state.liveError, null);
    assert.equal(store.state.unauthorized, null);
  });

  test('stops without retrying after a 404', async () => {
    const a = await openStore();
    const b = await openStore({ token: demo.member.sessionToken });
    await waitFor(isOpen(b.store), 'B is open');

    await a.store.remove(demo.member.memberId);

    await waitFor(() => b.store.state.live === 'off', 'B stopped');
    const error = b.store.state.liveError;
    assert.ok(isHttpError(error), String(error));
    assert.equal(error.status, 404);
    const attempts = b.counts.openEventStream;
    await new Promise((resolve) => setTimeout(resolve, 1600));
    assert.equal(b.counts.openEventStream, attempts, 'no further attempt');
    assert.equal(b.store.state.live, 'off');
  });

  test('close and unsubscribe end the stream', async () => {
    const a = await openStore();
    const b = await openStore();
    await waitFor(() => server.events.subscriberCount() === 2, 'both streams are open');

    a.store.close();
    const unsubscribeSecond = b.store.subscribe(() => {});
    unsubscribeSecond();

    await waitFor(() => server.events.subscriberCount() === 1, 'A closed its stream');
    assert.equal(a.store.state.live, 'off');
    assert.equal(b.store.state.live, 'open', 'B still has a subscriber');
  });
});
