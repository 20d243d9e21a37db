import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, test } from 'node:test';

import {
  createWorkspaceClient,
  isHttpError,
  isInvalidJsonError,
  isNetworkError,
  isTimeoutError,
  WorkspaceStore,
  type Member,
  type WorkspaceClient,
} from '../../sdk/index.js';
import { listOutbox } from '../../server/service/outbox.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The client's timeout in these tests; a held response arrives well after it. */
const TIMEOUT_MS = 200;

/** What the fetch wrapper does to the response of the request it targets. */
type ResponseFault = 'late' | 'reset' | 'truncated' | 'unavailable';

/** The next request that the wrapper spoils: its method, the end of its path and the fault. */
interface FaultTarget {
  method: string;
  pathEnd: string;
  fault: ResponseFault;
}

let api: TestServer;
let target: FaultTarget | null;
/** The `Idempotency-Key` of each targeted request, in order. */
let sentKeys: string[];

/** Makes the next invitation request fail with `fault` after the server has answered it. */
function spoilNextInvite(fault: ResponseFault): void {
  target = { method: 'POST', pathEnd: '/invitations', fault };
}

/**
 * Passes requests to the real server. For the targeted request the server answers first, so a
 * change is stored, and then the wrapper loses, delays or spoils that answer.
 */
async function faultyFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const current = target;
  const targeted =
    current !== null &&
    request.method === current.method &&
    new URL(request.url).pathname.endsWith(current.pathEnd);
  if (!targeted) return fetch(request);

  target = null;
  sentKeys.push(request.headers.get('idempotency-key') ?? '');
  if (current.fault === 'unavailable') {
    return Response.json(
      {
        type: 'https://ls-admin.dev/problems/internal_error',
        title: 'Service unavailable',
        status: 503,
        detail: 'The proxy in front of the API is restarting.',
        code: 'internal_error',
      },
      { status: 503 },
    );
  }

  const response = await fetch(request);
  const body = await response.text();
  if (current.fault === 'late') await sleep(TIMEOUT_MS * 3);
  if (current.fault === 'reset') {
    throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
  }
  const sent = current.fault === 'truncated' ? body.slice(0, body.length / 2) : body;
  return new Response(sent, { status: response.status, headers: response.headers });
}

function clientFor(server: TestServer): WorkspaceClient {
  return createWorkspaceClient({
    baseUrl: server.server.url,
    workspaceId: server.workspaceId,
    token: server.admin.sessionToken,
    fetch: faultyFetch,
    timeout: TIMEOUT_MS,
    retry: 0,
  });
}

/** Returns the members whose email equals `email` without regard to case, read from the server. */
async function membersWithEmail(email: string): Promise<Member[]> {
  const members = await api.listAllMembers(`query=${encodeURIComponent(email)}`);
  return members.filter((member) => member.email.toLowerCase() === email.toLowerCase());
}

function emailsTo(email: string): number {
  return listOutbox({ db: api.server.database }).filter((entry) => entry.recipient === email)
    .length;
}

beforeEach(async () => {
  api = await startTestServer();
  target = null;
  sentKeys = [];
});

afterEach(async () => {
  await api.close();
});

describe('invite whose response is lost', () => {
  const ada = { name: 'Ada Lovelace', email: 'ada.lovelace@example.org' };

  test('late response, then retry, leaves one invitation', async () => {
    const client = clientFor(api);
    spoilNextInvite('late');

    await assert.rejects(client.invite(ada), (error) => isTimeoutError(error));
    const retried = await client.invite(ada);
    const stored = await membersWithEmail(ada.email);

    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.status, 'invited');
    assert.equal(retried.id, stored[0]?.id);
    assert.equal(emailsTo(ada.email), 1);
  });

  test('retry after a timeout sends the same key', async () => {
    const client = clientFor(api);
    spoilNextInvite('late');
    await assert.rejects(client.invite(ada), (error) => isTimeoutError(error));

    spoilNextInvite('reset');
    await assert.rejects(client.invite(ada), (error) => isNetworkError(error));

    assert.equal(sentKeys.length, 2);
    assert.equal(sentKeys[1], sentKeys[0]);
  });

  test('reset connection, then retry, leaves one invitation', async () => {
    const client = clientFor(api);
    spoilNextInvite('reset');

    await assert.rejects(client.invite(ada), (error) => isNetworkError(error));
    const retried = await client.invite(ada);
    const stored = await membersWithEmail(ada.email);

    assert.equal(stored.length, 1);
    assert.equal(retried.id, stored[0]?.id);
  });

  test('truncated response, then retry, leaves one invitation', async () => {
    const client = clientFor(api);
    spoilNextInvite('truncated');

    await assert.rejects(client.invite(ada), (error) => isInvalidJsonError(error));
    const retried = await client.invite(ada);
    const stored = await membersWithEmail(ada.email);

    assert.equal(stored.length, 1);
    assert.equal(retried.id, stored[0]?.id);
  });

  test('error status, then retry, sends a new key', async () => {
    const client = clientFor(api);
    spoilNextInvite('unavailable');
    await assert.rejects(client.invite(ada), (error) => isHttpError(error));

    spoilNextInvite('reset');
    await assert.rejects(client.invite(ada), (error) => isNetworkError(error));

    assert.equal(sentKeys.length, 2);
    assert.notEqual(sentKeys[1], sentKeys[0]);
  });

  test('another invitation after a timeout sends a new key', async () => {
    const client = clientFor(api);
    spoilNextInvite('late');
    await assert.rejects(client.invite(ada), (error) => isTimeoutError(error));

    spoilNextInvite('reset');
    const grace = { name: 'Grace Brewster', email: 'grace.brewster@example.org' };
    await assert.rejects(client.invite(grace), (error) => isNetworkError(error));

    assert.equal(sentKeys.length, 2);
    assert.notEqual(sentKeys[1], sentKeys[0]);
  });

  test('store lists the invitation after a timeout', async () => {
    const store = new WorkspaceStore(clientFor(api));
    await store.setQuery({ query: ada.email });
    spoilNextInvite('late');

    await assert.rejects(store.invite(ada), (error) => isTimeoutError(error));
    const listed = store.state.members.items.map((member) => member.email);

    assert.deepEqual(listed, [ada.email]);
    assert.equal(store.state.members.error, null);
  });
});

describe('change whose response is lost', () => {
  test('unassign shows the stored change', async () => {
    const store = new WorkspaceStore(clientFor(api));
    await store.setQuery({ license: 'lic_team' });
    await store.load();
    const holder = store.state.members.items.find((member) => member.legacyKey === null);
    assert.ok(holder);
    const usedBefore = usedSeats(store, 'lic_team');
    target = { method: 'DELETE', pathEnd: `/members/${holder.id}/license`, fault: 'reset' };

    await assert.rejects(store.unassignLicense(holder.id), (error) => isNetworkError(error));
    const shown = store.state.members.items.find((member) => member.id === holder.id);

    assert.equal(shown?.licenseId, null);
    assert.equal(shown?.version, holder.version + 1);
    assert.equal(usedSeats(store, 'lic_team'), usedBefore - 1);
  });

  test('remove drops the removed member', async () => {
    const store = new WorkspaceStore(clientFor(api));
    await store.setQuery({ status: 'active', license: 'none' });
    await store.load();
    const removed = store.state.members.items.find((member) => member.role === 'member');
    assert.ok(removed);
    target = { method: 'DELETE', pathEnd: `/members/${removed.id}`, fault: 'late' };

    await assert.rejects(store.remove(removed.id), (error) => isTimeoutError(error));
    const ids = store.state.members.items.map((member) => member.id);

    assert.equal(ids.includes(removed.id), false);
    assert.equal(
      (
        await api.call('GET', api.workspacePath(`/members/${removed.id}`), {
          token: api.admin.sessionToken,
        })
      ).status,
      404,
    );
  });
});

function usedSeats(store: WorkspaceStore, poolId: string): number {
  const pool = store.state.licenses?.pools.find((candidate) => candidate.id === poolId);
  assert.ok(pool, `no pool ${poolId}`);
  return pool.used;
}
