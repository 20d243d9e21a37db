import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import Database from 'better-sqlite3';

import type { Licenses } from '../../sdk/schemas/license.js';
import type { Member } from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import { createApp } from '../../server/http/create-app.js';
import { seedWorkspace } from '../../server/seed/seed-workspace.js';
import type { SeededWorkspace } from '../../server/seed/seed-workspace.js';
import {
  BUSY_TIMEOUT_MS,
  openBetterSqliteDatabase,
} from '../../server/storage/better-sqlite3-database.js';
import { applySchema } from '../../server/storage/schema.js';
import type { SqlDatabase } from '../../server/storage/sql-database.js';
import type { ServerProcess } from './support/server-process.js';
import { startServerProcess } from './support/server-process.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

/** A member on success, a problem's code on failure. */
type MemberOrProblem = Member & Partial<Pick<Problem, 'code'>>;

const RACERS = 20;
const POOL = 'lic_enterprise';

function countAssignments(database: SqlDatabase, licenseId: string): number {
  const row = database.get<{ count: number }>(
    'SELECT COUNT(*) AS count FROM members WHERE license_id = ?',
    [licenseId],
  );
  return row?.count ?? -1;
}

function numbered(prefix: string): string[] {
  return Array.from({ length: RACERS }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
}

describe('the last seat under concurrent requests', () => {
  let api: TestServer;
  let seats = 0;

  before(async () => {
    api = await startTestServer();
  });

  after(async () => {
    await api.close();
  });

  async function pool(): Promise<{ seats: number; used: number }> {
    const result = await api.call<Licenses>('GET', api.workspacePath('/licenses'), {
      token: api.admin.sessionToken,
    });
    const found = result.body.pools.find((entry) => entry.id === POOL);
    assert.ok(found, `the demo workspace has pool ${POOL}`);
    return found;
  }

  function invite(name: string, email: string, licenseId?: string) {
    return api.call<MemberOrProblem>('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body: licenseId === undefined ? { name, email } : { name, email, licenseId },
    });
  }

  function unassign(memberId: string) {
    return api.call<Member>('DELETE', api.workspacePath(`/members/${memberId}/license`), {
      token: api.admin.sessionToken,
    });
  }

  /** Runs the requests at once and records the pool's assignment rows as each response arrives. */
  async function race(requests: (() => Promise<{ status: number; body: MemberOrProblem }>)[]) {
    const observed: number[] = [];
    const results = await Promise.all(
      requests.map((request) =>
        request().then((result) => {
          observed.push(countAssignments(api.server.database, POOL));
          return result;
        }),
      ),
    );
    return { results, observed };
  }

  test('twenty assignments for one free seat', async () => {
    const racers: Member[] = [];
    for (const name of numbered('Racer ')) {
      const email = `${name.replace(' ', '.').toLowerCase()}@example.org`;
      const invited = await invite(name, email);
      assert.equal(invited.status, 201);
      assert.equal(invited.body.licenseId, null);
      racers.push(invited.body);
    }
    // Fill the pool to one free seat through invitations that take a seat.
    const start = await pool();
    seats = start.seats;
    for (let used = start.used; used < seats - 1; used++) {
      const filler = await invite(`Filler ${used}`, `filler${used}@example.org`, POOL);
      assert.equal(filler.status, 201);
    }
    if (start.used === seats) {
      const holder = api.server.database.get<{ id: string }>(
        'SELECT id FROM members WHERE license_id = ? LIMIT 1',
        [POOL],
      );
      assert.ok(holder);
      assert.equal((await unassign(holder.id)).status, 200);
    }
    assert.equal((await pool()).used, seats - 1, 'exactly one seat is free');

    const { results, observed } = await race(
      racers.map(
        (racer) => () =>
          api.call<MemberOrProblem>('PUT', api.workspacePath(`/members/${racer.id}/license`), {
            token: api.admin.sessionToken,
            body: { licenseId: POOL },
          }),
      ),
    );

    const granted = results.filter((result) => result.status === 200);
    const rejected = results.filter((result) => result.status === 409);
    assert.equal(granted.length, 1);
    assert.equal(rejected.length, RACERS - 1);
    for (const result of rejected) assert.equal(result.body.code, 'no_seats_available');
    assert.equal((await pool()).used, seats);
    assert.equal(countAssignments(api.server.database, POOL), seats);
    assert.ok(Math.max(...observed) <= seats, `assignments seen: ${observed.join(', ')}`);

    const winner = granted[0]?.body.id;
    const losers = racers.filter((racer) => racer.id !== winner).map((racer) => racer.id);
    const licensedLosers = api.server.database.all<{ id: string }>(
      `SELECT id FROM members WHERE license_id IS NOT NULL AND id IN (${losers.map(() => '?')})`,
      losers,
    );
    assert.deepEqual(licensedLosers, []);

    // The next test races invitations for the seat this winner gives back.
    assert.ok(winner);
    assert.equal((await unassign(winner)).status, 200);
  });

  test('twenty invitations for one free seat', async () => {
    assert.equal((await pool()).used, seats - 1, 'exactly one seat is free');
    const emails = numbered('late').map((local) => `${local}@example.org`);
    const outboxBefore = api.server.database.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM outbox',
    )?.count;

    const { results, observed } = await race(
      emails.map((email) => () => invite(`Late ${email}`, email, POOL)),
    );

    const created = results.filter((result) => result.status === 201);
    const rejected = results.filter((result) => result.status === 409);
    assert.equal(created.length, 1);
    assert.equal(rejected.length, RACERS - 1);
    for (const result of rejected) assert.equal(result.body.code, 'no_seats_available');
    assert.equal((await pool()).used, seats);
    assert.equal(countAssignments(api.server.database, POOL), seats);
    assert.ok(Math.max(...observed) <= seats, `assignments seen: ${observed.join(', ')}`);

    const saved = api.server.database.all<{ email: string }>(
      `SELECT email FROM members WHERE email IN (${emails.map(() => '?')})`,
      emails,
    );
    assert.deepEqual(
      saved.map((row) => row.email),
      [created[0]?.body.email],
    );
    const outboxAfter = api.server.database.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM outbox',
    )?.count;
    assert.equal(outboxAfter, (outboxBefore ?? 0) + 1, 'only the saved invitation sent an email');
  });
});

describe('processes sharing one database file', () => {
  let directory: string;
  let databasePath: string;
  let workspace: SeededWorkspace;
  const processes: ServerProcess[] = [];

  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-race-'));
  });

  after(async () => {
    await Promise.all(processes.map((server) => server.stop()));
    await rm(directory, { recursive: true, force: true });
  });

  /** Seeds a workspace of an admin and twenty unlicensed members, and a pool of one seat. */
  async function seedRace(name: string): Promise<void> {
    databasePath = path.join(directory, `${name}.sqlite`);
    const database = openBetterSqliteDatabase(databasePath);
    workspace = await seedWorkspace(database, {
      workspaceId: 'ws_race',
      workspaceName: 'Race',
      plan: 'team',
      memberCount: RACERS + 1,
    });
    database.run(
      `INSERT INTO license_pools (id, workspace_id, plan, name, seats, expires_at)
       VALUES ('lic_last', 'ws_race', 'team', 'Last seat', 1, NULL)`,
    );
    database.close();
  }

  function assignRequest(baseUrl: string, memberId: string): Request {
    return new Request(`${baseUrl}/v1/workspaces/ws_race/members/${memberId}/license`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${workspace.admin.sessionToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ licenseId: 'lic_last' }),
    });
  }

  function assertOneWinner(statuses: number[], codes: unknown[]): void {
    assert.equal(statuses.filter((status) => status === 200).length, 1, `${statuses}`);
    assert.equal(statuses.filter((status) => status === 409).length, RACERS - 1, `${statuses}`);
    assert.equal(codes.filter((code) => code === 'no_seats_available').length, RACERS - 1);

    const check = openBetterSqliteDatabase(databasePath);
    try {
      assert.equal(countAssignments(check, 'lic_last'), 1);
    } finally {
      check.close();
    }
  }

  test('two connections, each with its own app', async () => {
    await seedRace('connections');
    const first = openBetterSqliteDatabase(databasePath);
    const second = openBetterSqliteDatabase(databasePath);
    const apps = [createApp({ database: first }), createApp({ database: second })];

    try {
      const responses = await Promise.all(
        workspace.memberIds.slice(1).map(async (memberId, index) => {
          const app = apps[index % apps.length];
          assert.ok(app);
          return app.fetch(assignRequest('http://local', memberId));
        }),
      );
      const bodies = await Promise.all(responses.map((response) => response.json()));

      assertOneWinner(
        responses.map((response) => response.status),
        bodies.map((body: { code?: string }) => body.code),
      );
    } finally {
      first.close();
      second.close();
    }
  });

  test('two server processes', async () => {
    await seedRace('processes');
    processes.push(
      ...(await Promise.all([startServerProcess(databasePath), startServerProcess(databasePath)])),
    );
    const urls = processes.map((server) => server.url);

    const responses = await Promise.all(
      workspace.memberIds.slice(1).map((memberId, index) => {
        const url = urls[index % urls.length];
        assert.ok(url);
        return fetch(assignRequest(url, memberId));
      }),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));

    assertOneWinner(
      responses.map((response) => response.status),
      bodies.map((body: { code?: string }) => body.code),
    );
  });
});

describe('better-sqlite3 adapter', () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-lock-'));
  });

  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('takes the write lock when a transaction begins', () => {
    const file = path.join(directory, 'lock.sqlite');
    const database = openBetterSqliteDatabase(file);
    applySchema(database);
    // A second connection that fails at once instead of waiting for the lock.
    const other = new Database(file, { timeout: 0 });

    try {
      database.transaction(() => {
        // Only a read so far: a deferred BEGIN would not hold the write lock yet.
        database.get('SELECT COUNT(*) AS count FROM members');
        assert.throws(() => other.exec('BEGIN IMMEDIATE'), { code: 'SQLITE_BUSY' });
      });
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
      database.close();
    }
  });

  test('waits for a locked database', () => {
    const database = openBetterSqliteDatabase(path.join(directory, 'timeout.sqlite'));

    try {
      const row = database.get<{ timeout: number }>('PRAGMA busy_timeout');
      assert.equal(row?.timeout, BUSY_TIMEOUT_MS);
      assert.ok(BUSY_TIMEOUT_MS >= 1000, 'long enough for another write transaction to end');
    } finally {
      database.close();
    }
  });
});
