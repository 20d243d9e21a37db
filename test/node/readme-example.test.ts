import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { toDemoCredentialsFile } from '../../server/seed/demo-credentials-file.js';
import { seedDemoWorkspace } from '../../server/seed/seed-demo-workspace.js';
import { startServer } from '../../server/start-server.js';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Returns the TypeScript block under the README's "Script the SDK" heading. */
async function readReadmeExample(): Promise<string> {
  const readme = await readFile(path.join(repositoryRoot, 'README.md'), 'utf8');
  const section = readme.split('## Script the SDK')[1];
  assert.ok(section, 'README.md has no "Script the SDK" section');
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  assert.ok(block?.[1], 'the "Script the SDK" section has no ts code block');
  return block[1];
}

let server: Awaited<ReturnType<typeof startServer>>;
let workingDirectory: string;
let scriptPath: string;

before(async () => {
  server = await startServer({ databasePath: ':memory:' });
  const credentials = await seedDemoWorkspace(server.database);

  // The example reads .data/demo-credentials.json from the current directory, as it does
  // after `npm start`.
  workingDirectory = await mkdtemp(path.join(tmpdir(), 'ls-admin-readme-'));
  await mkdir(path.join(workingDirectory, '.data'));
  await writeFile(
    path.join(workingDirectory, '.data', 'demo-credentials.json'),
    JSON.stringify(toDemoCredentialsFile(server.url, credentials)),
  );

  // The script lives inside the repository, as the README asks.
  scriptPath = path.join(repositoryRoot, `.readme-example-${process.pid}.ts`);
  await writeFile(scriptPath, await readReadmeExample());
});

after(async () => {
  await rm(scriptPath, { force: true });
  await rm(workingDirectory, { recursive: true, force: true });
  await server.close();
});

test('README SDK example runs against the server', async () => {
  const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');

  // The repository's tsconfig.json maps `ls-admin/sdk` to the sources, so the example needs no
  // build; tsx reads it from the working directory unless TSX_TSCONFIG_PATH names it.
  const { stdout } = await run(tsx, [scriptPath], {
    cwd: workingDirectory,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repositoryRoot, 'tsconfig.json') },
    timeout: 60_000,
  });

  const seatsLine = /Seats used: (\d+) -> (\d+) of (\d+)/.exec(stdout);
  assert.ok(seatsLine, `no seats line in:\n${stdout}`);
  assert.equal(Number(seatsLine[2]), Number(seatsLine[1]) + 1);
  const activeLine = /Active licenses: (\d+) -> (\d+)/.exec(stdout);
  assert.ok(activeLine, `no active-license line in:\n${stdout}`);
  assert.equal(Number(activeLine[2]), Number(activeLine[1]) + 1);
  assert.match(stdout, /Removed ada\.\d+@example\.com\./);
  assert.match(stdout, /As expected: 404 not_found/);
});
