import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { DemoCredentialsFile } from '../../server/seed/demo-credentials-file.js';
import { ensureDemoCredentialsFile } from '../../server/seed/ensure-demo-credentials-file.js';
import type { RunningServer } from '../../server/start-server.js';
import { startServer } from '../../server/start-server.js';

async function readCredentials(file: string): Promise<DemoCredentialsFile> {
  return JSON.parse(await readFile(file, 'utf8')) as DemoCredentialsFile;
}

async function statusWith(server: RunningServer, token: string): Promise<number> {
  const response = await fetch(`${server.url}/v1/workspaces/ws_demo`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  await response.body?.cancel();
  return response.status;
}

describe('ensureDemoCredentialsFile', () => {
  let directory: string;
  let credentialsPath: string;
  let server: RunningServer;

  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-credentials-'));
    credentialsPath = path.join(directory, 'demo-credentials.json');
    server = await startServer({ databasePath: path.join(directory, 'ls-admin.sqlite') });
  });

  after(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  test('seeds an empty database', async () => {
    const outcome = await ensureDemoCredentialsFile(server.database, {
      path: credentialsPath,
      baseUrl: server.url,
    });
    assert.equal(outcome, 'seeded');
    const file = await readCredentials(credentialsPath);
    assert.equal(file.baseUrl, server.url);
    assert.equal((await stat(credentialsPath)).mode & 0o777, 0o600);
    assert.equal(await statusWith(server, file.adminToken), 200);
  });

  test('reissues tokens when the file is missing', async () => {
    const before = await readCredentials(credentialsPath);
    await unlink(credentialsPath);

    const outcome = await ensureDemoCredentialsFile(server.database, {
      path: credentialsPath,
      baseUrl: server.url,
    });
    assert.equal(outcome, 'reissued');
    const file = await readCredentials(credentialsPath);
    assert.equal((await stat(credentialsPath)).mode & 0o777, 0o600);
    assert.equal(file.workspaceId, before.workspaceId);
    assert.equal(file.admin.memberId, before.admin.memberId);
    assert.equal(file.member.memberId, before.member.memberId);
    assert.notEqual(file.adminToken, before.adminToken);
    assert.equal(file.admin.sessionToken, file.adminToken);
    assert.equal(file.member.sessionToken, file.memberToken);
    assert.equal(await statusWith(server, file.adminToken), 200);
    assert.equal(await statusWith(server, file.memberToken), 200);

    const activation = await fetch(`${server.url}/v1/license/activate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ credentials: { type: 'api-key', token: file.member.legacyKey } }),
    });
    await activation.body?.cancel();
    assert.equal(activation.status, 200);
  });

  test('rewrites baseUrl for a new port', async () => {
    const before = await readCredentials(credentialsPath);
    const outcome = await ensureDemoCredentialsFile(server.database, {
      path: credentialsPath,
      baseUrl: 'http://127.0.0.1:8792',
    });
    assert.equal(outcome, 'updated');
    const file = await readCredentials(credentialsPath);
    assert.equal(file.baseUrl, 'http://127.0.0.1:8792');
    assert.equal(file.adminToken, before.adminToken);
    assert.deepEqual(file.member, before.member);
  });
  test('keeps a removed legacy key removed', async () => {
    const before = await readCredentials(credentialsPath);
    const memberPath = `/v1/workspaces/${before.workspaceId}/members/${before.member.memberId}`;
    const removal = await fetch(`${server.url}${memberPath}/legacy-key`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${before.adminToken}` },
    });
    await removal.body?.cancel();
    assert.equal(removal.status, 200);
    await unlink(credentialsPath);

    const outcome = await ensureDemoCredentialsFile(server.database, {
      path: credentialsPath,
      baseUrl: server.url,
    });

    assert.equal(outcome, 'reissued');
    const file = await readCredentials(credentialsPath);
    assert.equal(file.member.legacyKey, null);
    const member = await fetch(`${server.url}${memberPath}`, {
      headers: { Authorization: `Bearer ${file.adminToken}` },
    });
    assert.equal(((await member.json()) as { legacyKey: unknown }).legacyKey, null);
  });
});
