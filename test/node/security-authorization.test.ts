import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Member } from '../../sdk/schemas/member.js';
import type { Problem } from '../../sdk/schemas/problem.js';
import type { DemoCredentialsFile } from '../../server/seed/demo-credentials-file.js';
import { ensureDemoCredentialsFile } from '../../server/seed/ensure-demo-credentials-file.js';
import { insertSession } from '../../server/seed/seed-rows.js';
import type { SeededWorkspace } from '../../server/seed/seed-workspace.js';
import { seedWorkspace } from '../../server/seed/seed-workspace.js';
import { createSecret, hashSecret, randomToken } from '../../server/service/secrets.js';
import { SESSION_LIFETIME_MS } from '../../server/service/viewer.js';
import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import type { ApiOperation } from './support/api-operations.js';
import { listApiOperations } from './support/api-operations.js';
import { snapshotDatabase } from './support/database-snapshot.js';
import type { ExampleRequest, ExampleTargets } from './support/example-requests.js';
import { exampleRequest, findExampleTargets } from './support/example-requests.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

/**
 * The table sends the same expired and revoked session tokens to every route, more often than
 * the default failure limits allow, and expects 401 each time. The limits have their own test,
 * `security-rate-limits.test.ts`.
 */
const GENEROUS_LIMITS = {
  perCredential: { maxFailures: 1000, windowMs: 60_000 },
  perAddress: { maxFailures: 1000, windowMs: 60_000 },
};

let api: TestServer;
let other: SeededWorkspace;

before(async () => {
  api = await startTestServer({ credentialLimits: GENEROUS_LIMITS });
  other = await seedWorkspace(api.server.database, {
    workspaceId: 'ws_other',
    workspaceName: 'Other Company',
    plan: 'team',
    memberCount: 3,
    now: api.clock.now(),
  });
});

after(async () => {
  await api.close();
});

/** A caller of the table: how it authenticates, and what it should get. */
interface Caller {
  name: string;
  /** The `Authorization` header to send, or `undefined` for none. */
  authorization(): Promise<string | undefined>;
  expected(operation: ApiOperation): Expectation;
}

type Expectation =
  { refused: true; status: number; code: string } | { refused: false; status: 'success' };

const SUCCESS: Expectation = { refused: false, status: 'success' };
const UNAUTHORIZED: Expectation = { refused: true, status: 401, code: 'unauthorized' };
const NOT_FOUND: Expectation = { refused: true, status: 404, code: 'not_found' };
const FORBIDDEN: Expectation = { refused: true, status: 403, code: 'forbidden' };

async function userIdOf(memberId: string): Promise<string> {
  const row = api.server.database.get<{ user_id: string }>(
    'SELECT user_id FROM members WHERE id = ?',
    [memberId],
  );
  if (row === undefined) throw new Error(`Member ${memberId} has no user.`);
  return row.user_id;
}

/** Creates a session for a member's user, created `ageMs` before the server's clock. */
async function createSession(memberId: string, ageMs = 0): Promise<string> {
  const session = await createSecret('lss');
  const createdAt = new Date(api.clock.now().getTime() - ageMs).toISOString();
  insertSession(api.server.database, session, await userIdOf(memberId), createdAt);
  return session.value;
}

/** Creates a session and deletes it again, as signing out or revoking it does. */
async function revokedSession(memberId: string): Promise<string> {
  const token = await createSession(memberId);
  const { changes } = api.server.database.run('DELETE FROM sessions WHERE token_hash = ?', [
    await hashSecret(token),
  ]);
  assert.equal(changes, 1);
  return token;
}

function send(request: ExampleRequest, authorization: string | undefined) {
  const headers: Record<string, string> = { ...request.headers };
  if (authorization !== undefined) headers.Authorization = authorization;
  return api.call<Problem>(request.method, request.path, { body: request.body, headers });
}

const isRead = (operation: ApiOperation) => operation.method === 'GET';

describe('authorization on every route', () => {
  test('every operation has an example request', async () => {
    const targets = await findExampleTargets(api);
    for (const operation of listApiOperations()) {
      assert.doesNotThrow(() => exampleRequest(operation, targets), operation.operationId);
    }
  });

  test('each caller gets the right refusal', async (t) => {
    // A member whose membership was removed keeps a session of their account.
    const removedMember = await findExampleTargets(api).then((targets) => targets.removal);
    const removedSession = await createSession(removedMember.id);
    const removal = await api.call('DELETE', api.workspacePath(`/members/${removedMember.id}`), {
      token: api.admin.sessionToken,
    });
    assert.equal(removal.status, 204);

    const expiredSession = await createSession(api.admin.memberId, SESSION_LIFETIME_MS + 1000);
    const revoked = await revokedSession(api.admin.memberId);
    const bearer = (token: string) => async () => `Bearer ${token}`;
    const signedOut = (operation: ApiOperation): Expectation =>
      operation.authentication === 'public' ? SUCCESS : UNAUTHORIZED;

    const callers: Caller[] = [
      { name: 'no token', authorization: async () => undefined, expected: signedOut },
      {
        name: 'malformed header',
        authorization: async () => 'Basic YWRtaW4=',
        expected: signedOut,
      },
      {
        name: 'unknown token',
        authorization: async () => `Bearer lss_${randomToken(32)}`,
        expected: signedOut,
      },
      { name: 'expired session', authorization: bearer(expiredSession), expected: signedOut },
      { name: 'revoked session', authorization: bearer(revoked), expected: signedOut },
      {
        name: 'removed member',
        authorization: bearer(removedSession),
        expected: (operation) => (operation.authentication === 'workspace' ? NOT_FOUND : SUCCESS),
      },
      {
        name: 'admin of another workspace',
        authorization: bearer(other.admin.sessionToken),
        expected: (operation) => (operation.authentication === 'workspace' ? NOT_FOUND : SUCCESS),
      },
      {
        name: 'plain member',
        authorization: bearer(api.member.sessionToken),
        expected: (operation) =>
          operation.authentication !== 'workspace' || isRead(operation) ? SUCCESS : FORBIDDEN,
      },
    ];

    const targets: ExampleTargets = await findExampleTargets(api, [removedMember.id]);
    for (const operation of listApiOperations()) {
      await t.test(`${operation.method} ${operation.path}`, async (t) => {
        const request = exampleRequest(operation, targets);

        for (const caller of callers) {
          const expected = caller.expected(operation);
          if (!expected.refused) continue;
          await t.test(caller.name, async () => {
            const before = snapshotDatabase(api.server.database);

            const result = await send(request, await caller.authorization());

            assert.equal(result.status, expected.status, JSON.stringify(result.body).slice(0, 300));
            assert.equal(result.body.code, expected.code);
            assert.equal(result.headers.get('Content-Type'), 'application/problem+json');
            if (expected.status === 401) {
              assert.equal(result.headers.get('WWW-Authenticate'), 'Bearer');
            }
            assert.deepEqual(snapshotDatabase(api.server.database), before, 'nothing changed');
          });
        }

        // The same request succeeds for the admin, so the refusals above are about the caller.
        await t.test('admin', async () => {
          const result = await send(request, `Bearer ${api.admin.sessionToken}`);
          assert.ok(
            result.status >= 200 && result.status < 300,
            `${result.status}: ${JSON.stringify(result.body)}`,
          );
        });
      });
    }
  });

  test('expired session names its expiry', async () => {
    const expired = await createSession(api.admin.memberId, SESSION_LIFETIME_MS);
    const fresh = await createSession(api.admin.memberId, SESSION_LIFETIME_MS - 60_000);

    const refused = await api.call<Problem>('GET', api.workspacePath(), { token: expired });
    const accepted = await api.call('GET', api.workspacePath(), { token: fresh });

    assert.equal(refused.status, 401);
    assert.match(refused.body.detail, /expired at \d{4}-\d\d-\d\dT/);
    assert.match(refused.body.detail, /[Ss]ign in again/);
    assert.equal(accepted.status, 200);
  });

  test('demo credentials are reissued once expired', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-expiry-'));
    const database = openBetterSqliteDatabase(':memory:');
    try {
      const options = { path: path.join(directory, 'demo.json'), baseUrl: 'http://127.0.0.1:1' };
      const seededAt = new Date('2026-01-01T00:00:00.000Z');
      const expiredAt = new Date(seededAt.getTime() + SESSION_LIFETIME_MS);

      const seeded = await ensureDemoCredentialsFile(database, { ...options, now: seededAt });
      const first = JSON.parse(await readFile(options.path, 'utf8')) as DemoCredentialsFile;
      const unchanged = await ensureDemoCredentialsFile(database, { ...options, now: seededAt });
      const reissued = await ensureDemoCredentialsFile(database, { ...options, now: expiredAt });
      const second = JSON.parse(await readFile(options.path, 'utf8')) as DemoCredentialsFile;

      assert.equal(seeded, 'seeded');
      assert.equal(unchanged, 'updated');
      assert.equal(reissued, 'reissued');
      assert.notEqual(second.adminToken, first.adminToken);
      assert.notEqual(second.memberToken, first.memberToken);
    } finally {
      database.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('other origins', () => {
  test('get no CORS permission', async () => {
    const origin = 'https://hostile.example';
    const preflight = await api.call('OPTIONS', api.workspacePath('/members'), {
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    const read = await api.call('GET', api.workspacePath(), {
      token: api.admin.sessionToken,
      headers: { Origin: origin },
    });

    assert.ok(preflight.status >= 400, `the preflight returned ${preflight.status}`);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(preflight.headers.get('Access-Control-Allow-Headers'), null);
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(read.headers.get('Access-Control-Allow-Credentials'), null);
  });
});

describe('workspace isolation', () => {
  test('admin reaches nothing in another workspace', async (t) => {
    const demo = await findExampleTargets(api);
    const ownPath = (suffix: string) => `/v1/workspaces/${other.workspaceId}${suffix}`;
    const attacks: {
      name: string;
      method: string;
      path: string;
      body?: unknown;
      status: number;
    }[] = [
      { name: 'read', method: 'GET', path: `/members/${demo.licensed.id}`, status: 404 },
      {
        name: 'change role',
        method: 'PATCH',
        path: `/members/${demo.roleChange.id}`,
        body: { role: 'admin' },
        status: 404,
      },
      { name: 'remove', method: 'DELETE', path: `/members/${demo.removal.id}`, status: 404 },
      {
        name: 'resend',
        method: 'POST',
        path: `/invitations/${demo.invitation.id}/resend`,
        status: 404,
      },
      {
        name: 'assign own pool to foreign member',
        method: 'PUT',
        path: `/members/${demo.unlicensed.id}/license`,
        body: { licenseId: demo.freePoolId },
        status: 404,
      },
      {
        name: 'assign foreign pool to own member',
        method: 'PUT',
        path: `/members/${other.member.memberId}/license`,
        body: { licenseId: demo.freePoolId },
        status: 400,
      },
      {
        name: 'invite into foreign pool',
        method: 'POST',
        path: '/invitations',
        body: { name: 'Seat Thief', email: 'seat.thief@example.org', licenseId: demo.freePoolId },
        status: 400,
      },
      {
        name: 'unassign',
        method: 'DELETE',
        path: `/members/${demo.licensed.id}/license`,
        status: 404,
      },
      {
        name: 'remove legacy key',
        method: 'DELETE',
        path: `/members/${demo.legacyKeyHolder.id}/legacy-key`,
        status: 404,
      },
    ];

    for (const attack of attacks) {
      await t.test(attack.name, async () => {
        const before = snapshotDatabase(api.server.database);

        const result = await api.call<Problem>(attack.method, ownPath(attack.path), {
          token: other.admin.sessionToken,
          body: attack.body,
          headers: attack.method === 'PATCH' ? { 'If-Match': '*' } : {},
        });

        assert.equal(result.status, attack.status, JSON.stringify(result.body));
        assert.doesNotMatch(result.body.detail, /Ada|Lovelace|@example\.com/);
        assert.deepEqual(snapshotDatabase(api.server.database), before, 'nothing changed');
      });
    }

    await t.test('filter by foreign pool', async () => {
      const result = await api.call<{ items: Member[]; total: number }>(
        'GET',
        ownPath(`/members?license=${demo.freePoolId}`),
        { token: other.admin.sessionToken },
      );
      assert.equal(result.status, 200);
      assert.deepEqual(result.body.items, []);
      assert.equal(result.body.total, 0);
    });
  });

  test('idempotency keys do not replay across workspaces', async () => {
    const key = 'shared-key-across-workspaces';
    const body = { name: 'Same Person', email: 'same.person@example.org' };
    const demoInvite = await api.call<Member>('POST', api.workspacePath('/invitations'), {
      token: api.admin.sessionToken,
      body,
      headers: { 'Idempotency-Key': key },
    });
    const demoAfter = snapshotDatabase(api.server.database).members;

    const otherInvite = await api.call<Member>(
      'POST',
      `/v1/workspaces/${other.workspaceId}/invitations`,
      { token: other.admin.sessionToken, body, headers: { 'Idempotency-Key': key } },
    );

    assert.equal(demoInvite.status, 201);
    assert.equal(otherInvite.status, 201);
    assert.equal(otherInvite.headers.get('Idempotency-Replayed'), null);
    assert.notEqual(otherInvite.body.id, demoInvite.body.id);
    const demoMembers = (rows: unknown[] | undefined) =>
      (rows as { workspace_id: string }[]).filter((row) => row.workspace_id === api.workspaceId);
    assert.deepEqual(
      demoMembers(snapshotDatabase(api.server.database).members),
      demoMembers(demoAfter),
    );
  });
});
