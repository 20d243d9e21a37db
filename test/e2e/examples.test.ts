/**
 * Builds the React, Vue and plain HTML examples with Vite's JS API and serves each build with
 * `/v1` proxied to a reference server. In Chromium, the panel must list the members, and the
 * page must show the event of an invitation made in it. The React and Vue examples are also
 * type-checked with tsc, with the declarations of `ls-admin/types/*`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { build } from 'vite';

import type { LsWorkspace } from '../../src/index.js';
import { startHostPageHarness, type HostPageHarness } from './support/host-pages.js';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const examplesFolder = path.join(repositoryRoot, 'examples');

let harness: HostPageHarness;
let outputFolder: string;

before(async () => {
  outputFolder = await mkdtemp(path.join(tmpdir(), 'ls-admin-examples-'));
  harness = await startHostPageHarness();
});

after(async () => {
  await harness?.close();
  await rm(outputFolder, { recursive: true, force: true });
});

/** Builds the example in `examples/<name>` with its own vite.config.ts into a temporary folder. */
async function buildExample(name: string, options: { publicDir?: string } = {}): Promise<string> {
  const outDir = path.join(outputFolder, name);
  await build({
    configFile: path.join(examplesFolder, name, 'vite.config.ts'),
    logLevel: 'warn',
    ...options,
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Builds `dist/ls-admin.bundle.js` with vite.bundle.config.ts into a temporary folder. */
async function buildBundle(): Promise<string> {
  const outDir = path.join(outputFolder, 'bundle');
  await build({
    configFile: path.join(repositoryRoot, 'vite.bundle.config.ts'),
    root: repositoryRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * Opens a built example, waits for member rows, invites a person in the page's invite form
 * and returns what the page shows as the last event.
 */
async function inviteInExample(outDir: string, email: string) {
  const origin = await harness.serve(outDir);
  const { page, errors } = await harness.open(`${origin}/`);
  const workspace = page.locator('ls-workspace');

  const rows = page.locator('ls-members-table tr[part~="row"]');
  await rows.first().waitFor();
  const rowCount = await rows.count();
  const tokenAttribute = await workspace.evaluate((element) => element.getAttribute('token'));
  const tokenProperty = await workspace.evaluate((element) => (element as LsWorkspace).token);
  const eventBefore = await page.locator('#last-event').textContent();

  const form = page.locator('ls-invite-form');
  await form.locator('[part="name-input"]').fill('Grace Hopper');
  await form.locator('[part="email-input"]').fill(email);
  await form.locator('[part="submit-button"]').click();
  const lastEvent = page.locator('#last-event', { hasText: email });
  await lastEvent.waitFor();

  const result = {
    rowCount,
    tokenAttribute,
    tokenProperty,
    eventBefore,
    eventAfter: await lastEvent.textContent(),
    errors: [...errors],
  };
  await page.close();
  return result;
}

function assertInvitationShown(result: Awaited<ReturnType<typeof inviteInExample>>, email: string) {
  assert.ok(result.rowCount > 0, 'the members table shows no rows');
  assert.equal(result.tokenAttribute, null, 'the token is in an attribute');
  assert.equal(result.tokenProperty, harness.credentials.adminToken);
  assert.equal(result.eventBefore, 'No event yet.');
  assert.equal(result.eventAfter, `Invited ${email}.`);
  assert.deepEqual(result.errors, []);
}

describe('examples', () => {
  test('React example shows the invitation event', async () => {
    const outDir = await buildExample('react');
    const email = 'grace.react@example.com';

    assertInvitationShown(await inviteInExample(outDir, email), email);
  });

  test('Vue example shows the invitation event', async () => {
    const outDir = await buildExample('vue');
    const email = 'grace.vue@example.com';

    assertInvitationShown(await inviteInExample(outDir, email), email);
  });

  test('HTML example shows the invitation event', async () => {
    const outDir = await buildExample('html', { publicDir: await buildBundle() });
    const email = 'grace.html@example.com';

    assertInvitationShown(await inviteInExample(outDir, email), email);
  });

  test('React and Vue examples type-check', async () => {
    const tsc = path.join(repositoryRoot, 'node_modules', '.bin', 'tsc');
    try {
      await run(tsc, ['--noEmit', '-p', examplesFolder], { cwd: repositoryRoot, timeout: 120_000 });
    } catch (error) {
      // tsc lists the errors on stdout and exits with 1 or 2.
      const output = (error as { stdout?: string }).stdout ?? String(error);
      assert.fail(`tsc -p examples failed:\n${output}`);
    }
  });
});
