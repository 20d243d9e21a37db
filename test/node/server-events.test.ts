import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import type { Member } from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { createApp } from '../../server/http/create-app.js';
import { seedDemoWorkspace } from '../../server/seed/seed-demo-workspace.js';
import { insertSession } from '../../server/seed/seed-rows.js';
import { createSecret } from '../../server/service/secrets.js';
import { WorkspaceEventHub } from '../../server/service/workspace-events.js';
import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import { applySchema } from '../../server/storage/schema.js';
import { startServer } from '../../server/start-server.js';
import type { ExampleTargets } from './support/example-requests.js';
import { findExampleTargets } from './support/example-requests.js';
import { RawEventStream } from './support/raw-event-stream.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

let api: TestServer;
const streams: RawEventStream[] = [];

beforeEach(async () => {
  api = await startTestServer();
});

afterEach(async () => {
  await Promise.all(streams.splice(0).map((stream) => stream.cancel()));
  await api.close();
});

/** Opens the demo workspace's event stream on `url`, as the admin unless `token` is given. */
async function openStream(
  options: { token?: string | null; headers?: Record<string, string>; query?: string } = {},
  url = api.server.url,
): Promise<RawEventStream> {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? api.admin.sessionToken : options.token;
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(`${url}${api.workspacePath(`/events${options.query ?? ''}`)}`, {
    headers,
  });
  const stream = new RawEventStream(response);
  streams.push(stream);
  return stream;
}

/** Opens a stream and reads its opening blocks up to the id-only block, returning that id. */
async function openAtPosition(token?: string): Promise<{ stream: RawEventStream; id: string }> {
  const stream = await openStream({ token });
  assert.equal(stream.response.status, 200);
  assert.deepEqual(await stream.next(), { retry: '1000' });
  const position = await stream.next();
  assert.ok(position.id !== undefined, JSON.stringify(position));
  assert.equal(position.data, undefined, JSON.stringify(position));
  return { stream, id: position.id };
}

function send(method: string, suffix: string, body?: unknown, headers?: Record<string, string>) {
  return api.call<Member>(method, api.workspacePath(suffix), {
    token: api.admin.sessionToken,
    body,
    headers,
  });
}

describe('event stream', () => {
  let targets: ExampleTargets;

  beforeEach(async () => {
    targets = await findExampleTargets(api);
  });

  test('responds as text/event-stream', async () => {
    const stream = await openStream();

    assert.equal(stream.response.status, 200);
    assert.match(stream.response.headers.get('Content-Type') ?? '', /^text\/event-stream/);
    assert.equal(stream.response.headers.get('Cache-Control'), 'no-cache');
    assert.equal(stream.response.headers.get('X-Accel-Buffering'), 'no');
  });

  test('publishes each kind of change', async () => {
    const { stream } = await openAtPosition();

    const invited = await send('POST', '/invitations', {
      name: 'Grace Hopper',
      email: 'grace.hopper@example.org',
      licenseId: targets.freePoolId,
    });
    const changed = await send(
      'PATCH',
      `/members/${targets.roleChange.id}`,
      { role: 'admin' },
      { 'If-Match': `"${targets.roleChange.version}"` },
    );
    const assigned = await send('PUT', `/members/${targets.unlicensed.id}/license`, {
      licenseId: targets.freePoolId,
    });
    const unassigned = await send('DELETE', `/members/${targets.licensed.id}/license`);
    const keyRemoved = await send('DELETE', `/members/${targets.legacyKeyHolder.id}/legacy-key`);
    const resent = await send('POST', `/invitations/${targets.invitation.id}/resend`);
    const removal = await send('DELETE', `/members/${targets.removal.id}`);
    const accepted = await api.call<{ member: Member }>('POST', '/v1/invitations/accept', {
      body: { token: targets.invitationToken, name: 'Joined Person' },
    });

    const expected: [string, unknown][] = [
      ['member', invited.body],
      ['licenses', {}],
      ['member', changed.body],
      ['member', assigned.body],
      ['licenses', {}],
      ['member', unassigned.body],
      ['licenses', {}],
      ['member', keyRemoved.body],
      ['licenses', {}],
      ['member', resent.body],
      ['member-removed', { memberId: targets.removal.id }],
      ['licenses', {}],
      ['member', accepted.body.member],
    ];
    assert.equal(removal.status, 204);
    for (const [index, [type, data]] of expected.entries()) {
      const event = await stream.nextEvent();
      assert.equal(event.event, type, `event ${index}`);
      assert.deepEqual(JSON.parse(event.data ?? ''), data, `data of event ${index}`);
      assert.match(event.id ?? '', /^[a-z0-9]+-\d+$/, `id of event ${index}`);
    }
  });

  test('publishes nothing for a rejected change', async () => {
    const { stream } = await openAtPosition();

    const conflict = await send(
      'PATCH',
      `/members/${targets.roleChange.id}`,
      { role: 'admin' },
      { 'If-Match': `"${targets.roleChange.version + 5}"` },
    );
    const unknownPool = await send('PUT', `/members/${targets.unlicensed.id}/license`, {
      licenseId: 'lic_unknown',
    });
    const unchanged = await send('DELETE', `/members/${targets.unlicensed.id}/license`);

    assert.equal(conflict.status, 412);
    assert.equal(unknownPool.status, 400);
    assert.equal(unchanged.status, 200);
    assert.deepEqual(await stream.collect(300), []);
  });

  test('sends a heartbeat comment when idle', async () => {
    const database = openBetterSqliteDatabase(':memory:');
    applySchema(database);
    const demo = await seedDemoWorkspace(database);
    const app = createApp({ database, eventHeartbeatMs: 50 });
    const response = await app.fetch(
      new Request(`http://in-process/v1/workspaces/${demo.workspaceId}/events`, {
        headers: { Authorization: `Bearer ${demo.admin.sessionToken}` },
      }),
    );
    const stream = new RawEventStream(response);

    const blocks = await stream.collect(180);
    await stream.cancel();
    database.close();

    const heartbeats = blocks.filter((block) => block.comment === 'heartbeat');
    assert.ok(heartbeats.length >= 2, `${heartbeats.length} heartbeats in 180 ms`);
  });
});

describe('event stream catch-up', () => {
  test('replays events after Last-Event-ID', async () => {
    const { id } = await openAtPosition();
    const invited = await send('POST', '/invitations', { name: 'Ada', email: 'ada@example.org' });

    const resumed = await openStream({ headers: { 'Last-Event-ID': id } });
    await resumed.next();
    const replayed = await resumed.next();
    const position = await resumed.next();

    assert.equal(replayed.event, 'member');
    assert.deepEqual(JSON.parse(replayed.data ?? ''), invited.body);
    assert.equal(position.id, replayed.id, 'the position is the newest event');
  });

  test('accepts the lastEventId query parameter', async () => {
    const { id } = await openAtPosition();
    await send('POST', '/invitations', { name: 'Ada', email: 'ada@example.org' });

    const resumed = await openStream({ query: `?lastEventId=${encodeURIComponent(id)}` });

    assert.equal((await resumed.nextEvent()).event, 'member');
  });

  test('sends nothing missed for the current id', async () => {
    const { id } = await openAtPosition();

    const resumed = await openStream({ headers: { 'Last-Event-ID': id } });
    const blocks = await resumed.collect(200);

    assert.deepEqual(blocks, [{ retry: '1000' }, { id }]);
  });

  for (const [name, lastEventId] of [
    ['unknown epoch', 'zzzz-1'],
    ['id from the future', undefined],
    ['malformed id', 'not an id'],
  ] as const) {
    test(`resets for ${name}`, async () => {
      const { id } = await openAtPosition();
      const future = `${id.split('-')[0]}-${Number(id.split('-')[1]) + 10}`;

      const resumed = await openStream({ headers: { 'Last-Event-ID': lastEventId ?? future } });
      await resumed.next();
      const reset = await resumed.next();

      assert.equal(reset.event, 'reset');
      assert.deepEqual(JSON.parse(reset.data ?? ''), {});
      assert.equal(reset.id, id, 'the reset carries the current position');
    });
  }

  test('resets for an id older than the buffer', async () => {
    const database = openBetterSqliteDatabase(':memory:');
    applySchema(database);
    const demo = await seedDemoWorkspace(database);
    const hub = new WorkspaceEventHub({ bufferSize: 2 });
    const app = createApp({ database, events: hub });
    const first = hub.publish(demo.workspaceId, 'licenses', {});
    const second = hub.publish(demo.workspaceId, 'licenses', {});
    hub.publish(demo.workspaceId, 'licenses', {});
    hub.publish(demo.workspaceId, 'licenses', {});
    const resume = (lastEventId: string) =>
      app.fetch(
        new Request(`http://in-process/v1/workspaces/${demo.workspaceId}/events`, {
          headers: {
            Authorization: `Bearer ${demo.admin.sessionToken}`,
            'Last-Event-ID': lastEventId,
          },
        }),
      );

    const tooOld = new RawEventStream(await resume(first.id));
    const kept = new RawEventStream(await resume(second.id));
    const tooOldBlocks = await tooOld.collect(100);
    const keptBlocks = await kept.collect(100);
    hub.close();
    database.close();

    assert.deepEqual(
      tooOldBlocks.map((block) => block.event),
      [undefined, 'reset'],
    );
    assert.deepEqual(
      keptBlocks.map((block) => block.event),
      [undefined, 'licenses', 'licenses', undefined],
    );
  });

  test('resets an id from another server process', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-events-'));
    const databasePath = path.join(directory, 'shared.sqlite');
    const first = await startServer({ databasePath });
    const second = await startServer({ databasePath });
    try {
      const demo = await seedDemoWorkspace(first.database);
      const streamOn = async (url: string, lastEventId?: string) => {
        const headers = new Headers({ Authorization: `Bearer ${demo.admin.sessionToken}` });
        if (lastEventId !== undefined) headers.set('Last-Event-ID', lastEventId);
        const stream = new RawEventStream(
          await fetch(`${url}/v1/workspaces/${demo.workspaceId}/events`, { headers }),
        );
        streams.push(stream);
        return stream;
      };
      const onFirst = await streamOn(first.url);
      await onFirst.next();
      const position = await onFirst.next();

      const onSecond = await streamOn(second.url, position.id);
      await onSecond.next();

      assert.equal((await onSecond.next()).event, 'reset');
    } finally {
      await Promise.all(streams.splice(0).map((stream) => stream.cancel()));
      await first.close();
      await second.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('rejects an overlong Last-Event-ID', async () => {
    const result = await api.call<Problem>('GET', api.workspacePath('/events'), {
      token: api.admin.sessionToken,
      headers: { 'Last-Event-ID': 'x'.repeat(65) },
    });

    assert.equal(result.status, 400);
    assert.equal(result.body.code, 'validation_failed');
    assert.match(result.body.detail, /at most 64 characters/);
  });

  test('names the lastEventId query parameter', async () => {
    const result = await api.call<Problem>(
      'GET',
      api.workspacePath(`/events?lastEventId=${'x'.repeat(65)}`),
      { token: api.admin.sessionToken },
    );

    assert.equal(result.status, 400);
    assert.match(result.body.detail, /^lastEventId must have at most 64 characters/);
    assert.equal(result.body.errors?.[0]?.path, 'lastEventId');
  });
});

describe('event stream authorization', () => {
  test('rejects a request without a session', async () => {
    const result = await api.call<Problem>('GET', api.workspacePath('/events'));

    assert.equal(result.status, 401);
    assert.equal(result.body.code, 'unauthorized');
    assert.equal(api.server.events.subscriberCount(), 0);
  });

  test('hides a workspace from a non-member', async () => {
    const result = await api.call<Problem>('GET', '/v1/workspaces/ws_elsewhere/events', {
      token: api.admin.sessionToken,
    });

    assert.equal(result.status, 404);
    assert.equal(result.body.code, 'not_found');
    assert.equal(api.server.events.subscriberCount(), 0);
  });

  test('streams to a plain member, who may list members', async () => {
    const { stream } = await openAtPosition(api.member.sessionToken);

    await send('POST', '/invitations', { name: 'Ada', email: 'ada@example.org' });

    assert.equal((await stream.nextEvent()).event, 'member');
  });

  test('ends the stream of a removed member', async () => {
    const targets = await findExampleTargets(api);
    const session = await createSecret('lss');
    const removed = api.server.database.get<{ user_id: string }>(
      'SELECT user_id FROM members WHERE id = ?',
      [targets.removal.id],
    );
    assert.ok(removed);
    insertSession(api.server.database, session, removed.user_id, api.clock.now().toISOString());
    const { stream } = await openAtPosition(session.value);
    const { stream: adminStream } = await openAtPosition();

    await send('DELETE', `/members/${targets.removal.id}`);

    assert.ok(await stream.waitForEnd(), 'the removed member’s stream ended');
    assert.equal((await adminStream.nextEvent()).event, 'member-removed');
    assert.equal(api.server.events.subscriberCount(), 1);
  });
});

describe('event stream lifetime', () => {
  test('drops a client that disconnects', async () => {
    const { stream } = await openAtPosition();
    assert.equal(api.server.events.subscriberCount(api.workspaceId), 1);

    await stream.cancel();

    const deadline = Date.now() + 2000;
    while (api.server.events.subscriberCount() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(api.server.events.subscriberCount(), 0);
  });

  test('server closes with open streams', async () => {
    const open = await Promise.all([openAtPosition(), openAtPosition()]);
    const started = performance.now();

    await api.close();
    const elapsed = performance.now() - started;

    assert.ok(elapsed < 1000, `close took ${Math.round(elapsed)} ms`);
    for (const { stream } of open) {
      assert.ok(await stream.waitForEnd(), 'the stream ended');
      assert.equal(stream.failed, false, 'the response ended before its connection closed');
    }
    assert.equal(api.server.events.subscriberCount(), 0);
    api = await startTestServer();
  });
});
