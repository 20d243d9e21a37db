import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const committedPath = join(root, 'docs/sdk-reference/README.md');

test('committed SDK reference matches the declarations', async () => {
  const out = await mkdtemp(join(tmpdir(), 'ls-admin-sdk-reference-'));
  try {
    // treatWarningsAsErrors in typedoc.json makes an undocumented export fail here too.
    await run(join(root, 'node_modules/.bin/typedoc'), ['--out', out], { cwd: root });
    const generated = await readFile(join(out, 'README.md'), 'utf8');
    const committed = await readFile(committedPath, 'utf8');
    assert.ok(
      generated === committed,
      'docs/sdk-reference/README.md is out of date: run npm run docs:sdk and commit the result.',
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
