import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { DemoCredentialsFile } from '../../server/seed/demo-credentials-file.js';
import { startMainProcess } from './support/main-process.js';

describe('server/main.ts startup', () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'ls-admin-main-'));
  });

  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('names a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const server = await startMainProcess(directory, { PORT: String(port) });
      await server.stop();
      assert.equal(server.message.type, 'failed');
      assert.equal(
        server.message.type === 'failed' ? server.message.detail : '',
        `Port ${port} is already in use, perhaps by another ls-admin server. ` +
          'Stop the other instance or set PORT to a free port.',
      );
    } finally {
      blocker.close();
    }
  });

  test('keeps local data private', async () => {
    const server = await startMainProcess(directory, { PORT: '0' });
    await server.stop();
    assert.equal(server.message.type, 'ready');
    const dataDirectory = path.join(directory, '.data');
    assert.equal((await stat(dataDirectory)).mode & 0o777, 0o700);
    for (const name of ['ls-admin.sqlite', 'demo-credentials.json']) {
      assert.equal((await stat(path.join(dataDirectory, name))).mode & 0o777, 0o600, name);
    }
  });

  test('reports ready after a deleted credentials file', async () => {
    const credentialsPath = path.join(directory, '.data', 'demo-credentials.json');
    const first = await startMainProcess(directory, { PORT: '0' });
    await first.stop();
    assert.equal(first.message.type, 'ready');
    await unlink(credentialsPath);

    const second = await startMainProcess(directory, { PORT: '0' });
    try {
      assert.equal(second.message.type, 'ready');
      const url = second.message.type === 'ready' ? second.message.url : '';
      const file = JSON.parse(await readFile(credentialsPath, 'utf8')) as DemoCredentialsFile;
      assert.equal(file.baseUrl, url);
      const response = await fetch(`${url}/v1/workspaces/${file.workspaceId}`, {
        headers: { Authorization: `Bearer ${file.adminToken}` },
      });
      await response.body?.cancel();
      assert.equal(response.status, 200);
    } finally {
      await second.stop();
    }
  });
});
