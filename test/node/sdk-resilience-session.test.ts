import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import {
  createWorkspaceClient,
  isHttpError,
  isUnauthorizedError,
  WorkspaceStore,
  type UnauthorizedError,
  type WorkspaceClientOptions,
} from '../../sdk/index.js';
import { insertSession } from '../../server/seed/seed-rows.js';
import { createSecret, hashSecret } from '../../server/service/secrets.js';
import { SESSION_LIFETIME_MS } from '../../server/service/viewer.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** A request as it reached the server, and the status it got. */
interface SentRequest {
  method: string;
  path: string;
  token: string;
  status: number;
}

let api: TestServer;
let sent: SentRequest[];
/** Requests wait here while `holding` is set, so that several are in flight at once. */
let heldRequests: (() => void)[];
let holding: boolean;

/** Passes requests to the real server, records them, and holds them while `holding` is set. */
async function recordingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (holding) await new Promise<void>((resolve) => heldRequests.push(resolve));

  const response = await fetch(request);
  sent.push({
    method: request.method,
    path: new URL(request.url).pathname,
    token: (request.headers.get('authorization') ?? '').replace(/^Bearer /, ''),
    status: response.status,
  });
  return response;
}

async function untilHeld(count: number): Promise<void> {
  for (let attempt = 0; heldRequests.length < count; attempt++) {
    assert.ok(attempt < 200, `expected ${count} held requests, found ${heldRequests.length}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function release(): void {
  holding = false;
  for (const resume of heldRequests.splice(0)) resume();
}

/**
 * Ends the session of `token` as if it had expired and signs its user in again. Returns the
 * new session token.
 */
async function renewSession(token: string): Promise<string> {
  const database = api.server.database;
  const hash = await hashSecret(token);
  const session = database.get<{ user_id: string }>(
    'SELECT user_id FROM sessions WHERE token_hash = ?',
    [hash],
  );
  assert.ok(session, 'the token has no session');

  const expiredAt = new Date(api.clock.now().getTime() - SESSION_LIFETIME_MS - 60_000);
  database.run('UPDATE sessions SET created_at = ? WHERE token_hash = ?', [
    expiredAt.toISOString(),
    hash,
  ]);
  const renewed = await createSecret('lss');
  insertSession(database, renewed, session.user_id, api.clock.now().toISOString());
  return renewed.value;
}

function options(credentials: Partial<WorkspaceClientOptions>): WorkspaceClientOptions {
  return {
    baseUrl: api.server.url,
    workspaceId: api.workspaceId,
    fetch: recordingFetch,
    retry: 0,
    ...credentials,
  };
}

beforeEach(async () => {
  api = await startTestServer();
  sent = [];
  heldRequests = [];
  holding = false;
});

afterEach(async () => {
  release();
  await api.close();
});

describe('session expiry with requests in flight', () => {
  test('one refresh replays all three', async () => {
    let token = api.admin.sessionToken;
    let asks = 0;
    const client = createWorkspaceClient(
      options({
        getToken: () => {
          asks++;
          return token;
        },
      }),
    );
    holding = true;

    const results = Promise.all([
      client.getWorkspace(),
      client.listMembers(),
      client.listLicenses(),
    ]);
    await untilHeld(3);
    const asksBeforeExpiry = asks;
    token = await renewSession(api.admin.sessionToken);
    release();
    const [workspace, page, licenses] = await results;

    assert.equal(asks - asksBeforeExpiry, 1, 'the provider is asked once for the refresh');
    assert.equal(workspace.viewer.memberId, api.admin.memberId);
    assert.ok(page.items.length > 0);
    assert.ok(licenses.pools.length > 0);
    const rejected = sent.filter((request) => request.status === 401);
    const replayed = sent.filter((request) => request.status === 200);
    assert.equal(rejected.length, 3);
    assert.ok(rejected.every((request) => request.token === api.admin.sessionToken));
    assert.equal(replayed.length, 3);
    assert.ok(replayed.every((request) => request.token === token));
  });
});

describe('session refused after a refresh', () => {
  test('each request raises UnauthorizedError once', async () => {
    const expired = api.admin.sessionToken;
    await renewSession(expired);
    let asks = 0;
    const client = createWorkspaceClient(
      options({
        getToken: () => {
          asks++;
          return expired;
        },
      }),
    );

    const results = await Promise.allSettled([
      client.getWorkspace(),
      client.listMembers(),
      client.listLicenses(),
    ]);

    for (const result of results) {
      assert.equal(result.status, 'rejected');
      const error: unknown = result.reason;
      assert.ok(isUnauthorizedError(error), `expected UnauthorizedError, got ${String(error)}`);
      assert.ok(isHttpError(error));
      assert.equal(error.name, 'UnauthorizedError');
      assert.equal(error.status, 401);
      assert.equal(error.code, 'unauthorized');
      assert.match(error.message, /^GET http:\S+\/v1\/workspaces\/ws_demo\S* failed with 401/);
      assert.match(error.message, /The session expired at /);
    }
    assert.equal(asks, 4, 'once before each request and once for the refresh');
    assert.equal(sent.length, 6, 'each request is sent and replayed once');
    assert.ok(sent.every((request) => request.status === 401));
  });

  test('fixed token is not replayed', async () => {
    const expired = api.admin.sessionToken;
    await renewSession(expired);
    const client = createWorkspaceClient(options({ token: expired }));

    await assert.rejects(client.getWorkspace(), (error) => isUnauthorizedError(error));
    assert.equal(sent.length, 1);
  });

  test('other error statuses are not UnauthorizedError', async () => {
    const client = createWorkspaceClient(options({ token: api.member.sessionToken }));

    await assert.rejects(
      client.invite({ name: 'Not Allowed', email: 'no@example.org' }),
      (error) => {
        assert.ok(isHttpError(error));
        assert.equal(error.status, 403);
        assert.equal(isUnauthorizedError(error), false);
        return true;
      },
    );
  });
});

describe('WorkspaceStore unauthorized', () => {
  test('one error for each burst', async () => {
    let token = api.admin.sessionToken;
    const store = new WorkspaceStore(createWorkspaceClient(options({ getToken: () => token })));
    await store.load();
    const rows = store.state.members.items.length;
    const seen = new Set<UnauthorizedError>();
    store.subscribe((state) => {
      if (state.unauthorized !== null) seen.add(state.unauthorized);
    });

    const renewed = await renewSession(token);
    await store.refresh();
    const first = store.state.unauthorized;

    assert.ok(isUnauthorizedError(first));
    assert.equal(seen.size, 1, 'three failed requests record one error');
    assert.equal(store.state.members.items.length, rows, 'the loaded rows stay');
    assert.ok(isUnauthorizedError(store.state.members.error));

    token = renewed;
    await store.refresh();

    assert.equal(store.state.unauthorized, null);
    assert.equal(store.state.members.error, null);

    await renewSession(token);
    await store.refresh();

    assert.ok(isUnauthorizedError(store.state.unauthorized));
    assert.notEqual(store.state.unauthorized, first);
    assert.equal(seen.size, 2);
  });

  test('a failed change through the client counts', async () => {
    const expired = api.admin.sessionToken;
    const store = new WorkspaceStore(createWorkspaceClient(options({ token: expired })));
    await store.load();
    await renewSession(expired);

    await assert.rejects(store.client.getOwnAuthToken(), (error) => isUnauthorizedError(error));

    assert.ok(isUnauthorizedError(store.state.unauthorized));
  });
});
