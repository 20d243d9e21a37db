import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Licenses } from '../../sdk/schemas/license.js';
import type { Member } from '../../sdk/schemas/member.js';
import { pseudoRandom } from '../../server/seed/pseudo-random.js';
import type { DemoCredentials } from '../../server/seed/seed-demo-workspace.js';
import { seedDemoWorkspace } from '../../server/seed/seed-demo-workspace.js';
import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import type { ServerProcess } from './support/server-process.js';
import { startServerProcess } from './support/server-process.js';

/** Concurrent clients. Each one changes only its own members, one request at a time. */
const CLIENTS = 6;
/** The server is killed once the clients have seen this many responses. */
const RESPONSES_BEFORE_KILL = 150;
/** Each client stops after this many requests, so the burst stays bounded if the kill is late. */
const MAX_REQUESTS_PER_CLIENT = 80;
const POOLS = ['lic_enterprise', 'lic_team'];

/** A client's view of one of its members: whether it exists and which pool it holds. */
interface MemberState {
  exists: boolean;
  licenseId: string | null;
}

/** A change a client sent, with `expected`, the member's state if the server applied it. */
interface PendingChange {
  description: string;
  memberId?: string;
  email?: string;
  expected: MemberState;
}

/** One client's record: the state confirmed by responses, and the change still in flight. */
interface ClientRecord {
  confirmed: Map<string, MemberState>;
  pending?: PendingChange;
  responses: number;
  serverErrors: string[];
}

let directory: string;
let databasePath: string;
let demo: DemoCredentials;
let server: ServerProcess | undefined;

before(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-crash-'));
  databasePath = path.join(directory, 'crash.sqlite');
  const database = openBetterSqliteDatabase(databasePath);
  demo = await seedDemoWorkspace(database);
  database.close();
});

after(async () => {
  await server?.stop();
  await rm(directory, { recursive: true, force: true });
});

async function call(
  baseUrl: string,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${demo.admin.sessionToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Picks the next change for a client: invite, assign, unassign or remove one of its members. */
function nextChange(
  record: ClientRecord,
  client: number,
  step: number,
  random: () => number,
): PendingChange & { method: string; path: string; body?: unknown } {
  const members = [...record.confirmed].filter(([, state]) => state.exists);
  const pool = POOLS[Math.floor(random() * POOLS.length)] ?? 'lic_team';
  const choice = random();
  const target = members[Math.floor(random() * members.length)];

  if (target === undefined || choice < 0.25) {
    const email = `crash.${client}.${step}@example.org`;
    const licenseId = random() < 0.5 ? pool : null;
    return {
      description: `invite ${email}`,
      email,
      expected: { exists: true, licenseId },
      method: 'POST',
      path: `/v1/workspaces/${demo.workspaceId}/invitations`,
      body: { name: `Crash Client ${client}`, email, licenseId },
    };
  }

  const [memberId, state] = target;
  const memberPath = `/v1/workspaces/${demo.workspaceId}/members/${memberId}`;
  if (choice < 0.55) {
    return {
      description: `assign ${pool} to ${memberId}`,
      memberId,
      expected: { exists: true, licenseId: pool },
      method: 'PUT',
      path: `${memberPath}/license`,
      body: { licenseId: pool },
    };
  }
  if (choice < 0.85) {
    return {
      description: `unassign ${memberId}`,
      memberId,
      expected: { ...state, licenseId: null },
      method: 'DELETE',
      path: `${memberPath}/license`,
    };
  }
  return {
    description: `remove ${memberId}`,
    memberId,
    expected: { exists: false, licenseId: null },
    method: 'DELETE',
    path: memberPath,
  };
}

/** Runs one client until the server dies or it reaches its request limit. */
async function runClient(
  baseUrl: string,
  client: number,
  record: ClientRecord,
  seed: number,
  onResponse: () => void,
): Promise<void> {
  // The same seed repeats a client's choices; the clients' timing still differs between runs.
  const random = pseudoRandom(seed);
  for (let step = 0; step < MAX_REQUESTS_PER_CLIENT; step++) {
    const change = nextChange(record, client, step, random);
    record.pending = change;
    let result: { status: number; body: unknown };
    try {
      result = await call(baseUrl, change.method, change.path, change.body);
    } catch {
      // The server was killed while this change was in flight, so it may or may not be saved.
      return;
    }
    record.pending = undefined;
    record.responses++;
    onResponse();

    if (result.status >= 500) {
      record.serverErrors.push(`${change.description}: ${JSON.stringify(result.body)}`);
    } else if (result.status === 201 && change.email !== undefined) {
      const member = result.body as Member;
      record.confirmed.set(member.id, { exists: true, licenseId: member.licenseId });
    } else if (result.status < 300 && change.memberId !== undefined) {
      record.confirmed.set(change.memberId, change.expected);
    }
    // A 4xx, such as 409 no_seats_available, rolled its transaction back, so nothing changed.
  }
}

function sameState(actual: MemberState, expected: MemberState): boolean {
  return actual.exists === expected.exists && actual.licenseId === expected.licenseId;
}

describe('crash safety', () => {
  test('SIGKILL mid-burst loses no confirmed change', async (t) => {
    server = await startServerProcess(databasePath);
    const firstUrl = server.url;

    // Each client starts with its own share of the seeded active plain members.
    const initial = await call(
      firstUrl,
      'GET',
      `/v1/workspaces/${demo.workspaceId}/members?limit=100`,
    );
    assert.equal(initial.status, 200);
    const seeded = (initial.body as { items: Member[] }).items.filter(
      (member) => member.role === 'member' && member.status === 'active',
    );
    const records: ClientRecord[] = Array.from({ length: CLIENTS }, () => ({
      confirmed: new Map(),
      responses: 0,
      serverErrors: [],
    }));
    seeded.forEach((member, index) => {
      records[index % CLIENTS]?.confirmed.set(member.id, {
        exists: true,
        licenseId: member.licenseId,
      });
    });

    let responses = 0;
    let killed: Promise<void> | undefined;
    const runningServer = server;
    const seed = Date.now();
    const clients = records.map((record, client) =>
      runClient(firstUrl, client, record, seed + client, () => {
        responses++;
        if (responses >= RESPONSES_BEFORE_KILL && killed === undefined) {
          killed = runningServer.kill();
        }
      }),
    );
    await Promise.all(clients);
    await killed;

    const inFlight = records.filter((record) => record.pending !== undefined).length;
    t.diagnostic(
      `${responses} responses, ${inFlight} requests in flight at the kill, seed ${seed}`,
    );
    assert.ok(killed !== undefined, `the server was killed (seed ${seed})`);
    assert.ok(inFlight > 0, `requests were in flight at the kill (seed ${seed})`);
    assert.deepEqual(
      records.flatMap((record) => record.serverErrors),
      [],
    );

    // Restart on the same file and read every member and pool back.
    server = await startServerProcess(databasePath);
    const listed = await call(
      server.url,
      'GET',
      `/v1/workspaces/${demo.workspaceId}/members?limit=100`,
    );
    const licenses = await call(server.url, 'GET', `/v1/workspaces/${demo.workspaceId}/licenses`);
    assert.equal(listed.status, 200);
    assert.equal(licenses.status, 200);
    const page = listed.body as { items: Member[]; nextCursor: string | null };
    assert.equal(page.nextCursor, null, 'every member fits in one page');
    const actual = new Map(page.items.map((member) => [member.id, member]));
    const stateOf = (memberId: string): MemberState => {
      const member = actual.get(memberId);
      return { exists: member !== undefined, licenseId: member?.licenseId ?? null };
    };

    for (const pool of (licenses.body as Licenses).pools) {
      assert.ok(pool.used <= pool.seats, `${pool.id} has ${pool.used} of ${pool.seats} seats`);
    }

    for (const [client, record] of records.entries()) {
      for (const [memberId, confirmed] of record.confirmed) {
        const found = stateOf(memberId);
        const pending = record.pending;
        const afterPending = pending?.memberId === memberId ? pending.expected : undefined;
        assert.ok(
          sameState(found, confirmed) || (afterPending && sameState(found, afterPending)),
          `client ${client}, member ${memberId}: confirmed ${JSON.stringify(confirmed)}, ` +
            `in flight ${pending?.description ?? 'nothing'}, found ${JSON.stringify(found)} ` +
            `(seed ${seed})`,
        );
      }
      // An invitation in flight at the kill may or may not have been saved, but at most once.
      const pendingEmail = record.pending?.email;
      if (pendingEmail !== undefined) {
        const saved = page.items.filter((member) => member.email === pendingEmail);
        assert.ok(saved.length <= 1, `${pendingEmail} was saved ${saved.length} times`);
      }
    }
    await server.stop();
    server = undefined;

    const database = openBetterSqliteDatabase(databasePath);
    try {
      const integrity = database.all<{ integrity_check: string }>('PRAGMA integrity_check');
      const foreignKeys = database.all('PRAGMA foreign_key_check');
      const overfull = database.all(
        `SELECT p.id, p.seats, COUNT(m.id) AS used FROM license_pools p
         LEFT JOIN members m ON m.license_id = p.id
         GROUP BY p.id HAVING COUNT(m.id) > p.seats`,
      );
      assert.deepEqual(integrity, [{ integrity_check: 'ok' }]);
      assert.deepEqual(foreignKeys, []);
      assert.deepEqual(overfull, []);
    } finally {
      database.close();
    }
  });
});
