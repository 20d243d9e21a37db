/**
 * Packs the package with `npm pack`, whose prepack script builds dist/, and installs the
 * tarball into a new project in a temporary folder. The tests use every entry there: the SDK
 * against a reference server and the element entries in Node, the type declarations with tsc,
 * and the elements in Chromium, both bundled by Vite and through the single-file build.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { build } from 'vite';

import { startHostPageHarness, type HostPageHarness } from './support/host-pages.js';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtureFolder = fileURLToPath(new URL('./package-consumer/', import.meta.url));

const TAGS = [
  'ls-auth-token',
  'ls-confirm-dialog',
  'ls-invite-form',
  'ls-key-migration',
  'ls-licenses',
  'ls-members-table',
  'ls-users-licenses',
  'ls-workspace',
];

let workFolder: string;
let tarball: string;
let consumer: string;
let installed: string;
let harness: HostPageHarness;

before(async () => {
  workFolder = await mkdtemp(path.join(tmpdir(), 'ls-admin-package-'));
  const packFolder = path.join(workFolder, 'pack');
  await mkdir(packFolder);
  await run('npm', ['pack', '--pack-destination', packFolder], {
    cwd: repositoryRoot,
    timeout: 180_000,
  });
  const [tarballName] = await readdir(packFolder);
  assert.ok(tarballName, 'npm pack wrote no tarball');
  tarball = path.join(packFolder, tarballName);

  consumer = path.join(workFolder, 'consumer');
  await cp(fixtureFolder, consumer, { recursive: true });
  await writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'ls-admin-consumer', private: true, type: 'module' }),
  );
  // The dependencies come from npm's cache, which `npm ci` filled.
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], {
    cwd: consumer,
    timeout: 180_000,
  });
  installed = path.join(consumer, 'node_modules', 'ls-admin');

  harness = await startHostPageHarness();
});

after(async () => {
  await harness?.close();
  await rm(workFolder, { recursive: true, force: true });
});

async function runNode(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [script, ...args], {
    cwd: consumer,
    timeout: 30_000,
  });
  return stdout;
}

/** Lists the files that the package's "exports" map points at, such as `./dist/index.js`. */
function exportTargets(exportsMap: Record<string, unknown>): string[] {
  return Object.values(exportsMap).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target as Record<string, string>),
  );
}

describe('installed package', () => {
  test('tarball holds the build and the manifest', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter((line) => line !== '');

    for (const file of [
      'package/package.json',
      'package/custom-elements.json',
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/dist/src/define.js',
      'package/dist/src/workspace/define.js',
      'package/dist/sdk/index.js',
      'package/dist/ls-admin.bundle.js',
      'package/dist/types/react.d.ts',
    ]) {
      assert.ok(files.includes(file), `the tarball has no ${file}`);
    }
    const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
    assert.deepEqual(sources, [], 'the tarball holds TypeScript sources');
    const outsideDist = files.filter(
      (file) => !file.startsWith('package/dist/') && !/^package\/[^/]+$/.test(file),
    );
    assert.deepEqual(outsideDist, [], 'the tarball holds folders other than dist/');
  });

  test('every export target is installed', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      customElements: string;
    };

    const targets = [...exportTargets(manifest.exports), manifest.customElements];
    for (const target of targets) {
      const info = await stat(path.join(installed, target)).catch(() => undefined);
      assert.ok(info?.isFile(), `${target} is missing from the installed package`);
    }
  });

  test('exports match the tsconfig paths', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const tsconfig = JSON.parse(
      await readFile(path.join(repositoryRoot, 'tsconfig.json'), 'utf8'),
    ) as {
      compilerOptions: { paths: Record<string, string[]> };
    };

    // The paths let this repository import the entries by name without a build.
    const entries = Object.keys(manifest.exports)
      .filter((subpath) => !subpath.endsWith('.json'))
      .map((subpath) => (subpath === '.' ? 'ls-admin' : `ls-admin/${subpath.slice(2)}`));
    assert.deepEqual(Object.keys(tsconfig.compilerOptions.paths).sort(), entries.sort());
  });

  test('SDK lists members from Node', async () => {
    const { credentials } = harness;
    const response = await fetch(
      `${harness.api.url}/v1/workspaces/${credentials.workspaceId}/members?limit=1`,
      { headers: { Authorization: `Bearer ${credentials.adminToken}` } },
    );
    const expected = (await response.json()) as { total: number };

    const output = await runNode(
      'list-members.mjs',
      harness.api.url,
      credentials.workspaceId,
      credentials.adminToken,
    );

    const listed = JSON.parse(output) as { total: number; emails: string[] };
    assert.equal(listed.total, expected.total);
    assert.ok(listed.emails.includes(credentials.admin.email), 'the admin is not listed');
  });

  test('every entry imports in Node', async () => {
    const output = await runNode('import-entries.mjs');

    const { exportsOf, registeredBefore, registeredAfter } = JSON.parse(output) as {
      exportsOf: Record<string, string[]>;
      registeredBefore: boolean;
      registeredAfter: boolean;
    };
    const root = exportsOf['ls-admin'] ?? [];
    const elements = exportsOf['ls-admin/elements'] ?? [];
    const sdk = exportsOf['ls-admin/sdk'] ?? [];
    for (const name of ['createWorkspaceClient', 'WorkspaceStore', 'LsWorkspace', 'LsErrorEvent']) {
      assert.ok(root.includes(name), `ls-admin does not export ${name}`);
    }
    assert.ok(elements.includes('LsUsersLicenses'), 'ls-admin/elements lacks LsUsersLicenses');
    assert.ok(!elements.includes('createWorkspaceClient'), 'ls-admin/elements exports the SDK');
    assert.ok(sdk.includes('createWorkspaceClient'), 'ls-admin/sdk lacks createWorkspaceClient');
    assert.ok(!sdk.includes('LsWorkspace'), 'ls-admin/sdk exports an element');
    assert.equal(registeredBefore, false, 'importing the entries registered a tag');
    assert.equal(registeredAfter, true, 'ls-admin/define registered no tag');
  });

  test('declarations type-check a consumer', async () => {
    // The React and Vue declarations need the host's own React types and Vue; these links
    // stand in for installing them.
    const modules = path.join(consumer, 'node_modules');
    await mkdir(path.join(modules, '@types'), { recursive: true });
    await symlink(
      path.join(repositoryRoot, 'node_modules', '@types', 'react'),
      path.join(modules, '@types', 'react'),
    );
    await symlink(path.join(repositoryRoot, 'node_modules', 'vue'), path.join(modules, 'vue'));
    const tsc = path.join(repositoryRoot, 'node_modules', '.bin', 'tsc');

    try {
      await run(tsc, ['-p', consumer], { cwd: consumer, timeout: 120_000 });
    } catch (error) {
      // tsc lists the errors on stdout and exits with 1 or 2.
      assert.fail(`tsc failed on the consumer:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
  });

  test('bundled page and single-file build render', async () => {
    const site = path.join(workFolder, 'site');
    await copyFile(
      path.join(installed, 'dist', 'ls-admin.bundle.js'),
      path.join(consumer, 'public', 'ls-admin.bundle.js'),
    );
    await build({
      configFile: false,
      root: consumer,
      logLevel: 'warn',
      build: { outDir: site, emptyOutDir: true },
    });
    const origin = await harness.serve(site);

    for (const page of ['index.html', 'bundle.html']) {
      const { page: opened, errors } = await harness.open(`${origin}/${page}`);
      await opened.locator('ls-members-table tr[part~="row"]').first().waitFor();

      const defined = await opened.evaluate(
        (tags) => tags.filter((tag) => customElements.get(tag) !== undefined),
        TAGS,
      );
      assert.deepEqual(defined, TAGS, `${page} did not define every tag`);
      assert.deepEqual(errors, [], `${page} logged errors`);
      await opened.close();
    }
  });

  test('bundler leaves unused elements out', async () => {
    const outDir = path.join(workFolder, 'sdk-only');
    await build({
      configFile: false,
      root: consumer,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        lib: { entry: 'sdk-only.js', formats: ['es'], fileName: 'sdk-only' },
      },
    });

    const output = await readFile(path.join(outDir, 'sdk-only.js'), 'utf8');
    assert.match(output, /createWorkspaceClient/, 'the SDK bundle lacks the client');
    assert.doesNotMatch(output, /customElements/, 'the SDK bundle registers elements');
    assert.doesNotMatch(output, /LitElement|lit-html/, 'the SDK bundle contains Lit');
  });
});
