import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Locator, Page } from 'playwright-core';

import type { Member, Migration, RotatedAuthToken } from '../../sdk/index.js';
import { startDemoHarness, type DemoHarness } from './support/demo-harness.js';

type Counts = Migration['counts'];

const TIMEOUT_MS = 5000;

let demo: DemoHarness;
let page: Page;

before(async () => {
  demo = await startDemoHarness();
  page = await demo.openDemo();
});

after(async () => {
  await demo?.close();
});

/** Polls `read` until it returns `expected`, and fails with the last value otherwise. */
async function until<T>(read: () => Promise<T>, expected: T, what: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last: T = await read();
  while (!isEqual(last, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  assert.deepEqual(last, expected, what);
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

async function pageCounts(): Promise<Counts> {
  const count = (step: number) =>
    text(page.locator(`ls-key-migration [part="count"][data-step="${step}"] .count`));
  const [one, two, three, four] = await Promise.all([1, 2, 3, 4].map(count));
  return { '1': Number(one), '2': Number(two), '3': Number(three), '4': Number(four) };
}

/** Waits until the page shows `expected`, and checks that the server agrees. */
async function expectCounts(expected: Counts, what: string): Promise<void> {
  await until(pageCounts, expected, `counts on the page ${what}`);
  const migration = await demo.call<Migration>('GET', migrationPath(), { token: adminToken() });
  assert.deepEqual(migration.counts, expected, `counts on the server ${what}`);
}

function card(memberId: string): Locator {
  return page.locator(`ls-key-migration [part="member"][data-member-id="${memberId}"]`);
}

async function currentStep(memberId: string): Promise<string | null> {
  return card(memberId).locator('[part="step"][aria-current="step"]').getAttribute('data-step');
}

async function checkAgain(): Promise<void> {
  await page.locator('ls-key-migration [part="refresh-button"]').click();
}

const adminToken = () => demo.credentials.admin.sessionToken;
const memberToken = () => demo.credentials.member.sessionToken;
const workspacePath = () => `/v1/workspaces/${demo.credentials.workspaceId}`;
const migrationPath = () => `${workspacePath()}/migration`;

async function activate(type: 'auth-token' | 'api-key', token: string): Promise<void> {
  await demo.call('POST', '/v1/license/activate', { body: { credentials: { type, token } } });
  // The steps compare timestamps in milliseconds; a pause keeps two uses apart.
  await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('demo page', () => {
  test('invites a person with a license', async () => {
    const form = page.locator('ls-invite-form');
    const licensesBefore = await demo.call<{ activeLicenseCount: number }>(
      'GET',
      `${workspacePath()}/licenses`,
      { token: adminToken() },
    );

    await form.locator('[part="name-input"]').fill('Evelyn Granville');
    await form.locator('[part="email-input"]').fill('evelyn.granville@example.net');
    await form.locator('[part="license-checkbox"]').check();
    await form.locator('[part="submit-button"]').click();

    const row = page.locator('ls-members-table tr[part~="row"]', { hasText: 'Evelyn Granville' });
    await row.waitFor({ timeout: TIMEOUT_MS });
    assert.match(await text(row), /Invitation pending/);
    const licenses = await demo.call<{ activeLicenseCount: number }>(
      'GET',
      `${workspacePath()}/licenses`,
      { token: adminToken() },
    );
    assert.equal(licenses.activeLicenseCount, licensesBefore.activeLicenseCount + 1);
  });

  test('shows the accepted invitation', async () => {
    const token = demo.invitationTokenFor('evelyn.granville@example.net');

    const accepted = await demo.call<{ member: Member }>('POST', '/v1/invitations/accept', {
      body: { token, name: 'Evelyn Granville' },
    });
    await page.reload();
    await page.locator('ls-key-migration [part="base"][aria-busy="false"]').waitFor();

    assert.equal(accepted.member.status, 'active');
    assert.notEqual(accepted.member.licenseId, null);
    const row = page.locator('ls-members-table tr[part~="row"]', { hasText: 'Evelyn Granville' });
    await row.waitFor({ timeout: TIMEOUT_MS });
    assert.doesNotMatch(await text(row), /Invitation pending/);
  });

  test("changes the new member's role", async () => {
    await changeRoleOnPage('Evelyn Granville', 'Admin');

    const page = await demo.call<{ items: Member[] }>(
      'GET',
      `${workspacePath()}/members?query=evelyn.granville`,
      { token: adminToken() },
    );
    assert.equal(page.items[0]?.role, 'admin');
  });

  test('walks a member through the migration', async () => {
    const { memberId, legacyKey } = demo.credentials.member;
    const start = await demo.call<Migration>('GET', migrationPath(), { token: adminToken() });
    await expectCounts(start.counts, 'at the start');
    assert.equal(await currentStep(memberId), '2');

    // The member's license is unassigned elsewhere, which puts them back at step 1.
    await demo.call('DELETE', `${workspacePath()}/members/${memberId}/license`, {
      token: adminToken(),
    });
    await checkAgain();
    const atOne = { ...start.counts, '1': start.counts['1'] + 1, '2': start.counts['2'] - 1 };
    await expectCounts(atOne, 'with the license unassigned');
    await until(() => currentStep(memberId), '1', 'the step before assigning');

    // Step 1: assign a license inline.
    await card(memberId).locator('[part="assign-button"]').click();
    await expectCounts(start.counts, 'after assigning a license');
    await until(() => currentStep(memberId), '2', 'the step after assigning');

    // Step 2: the message to the member names them and their Auth Tokens page.
    const message = await card(memberId).locator('[part="message"]').inputValue();
    const member = await demo.call<Member>('GET', `${workspacePath()}/members/${memberId}`, {
      token: adminToken(),
    });
    assert.match(message, new RegExp(`^Hi ${member.name},`));
    assert.match(message, /Auth Tokens page/);

    // The member signs in, rotates their auth token and switches one tool to it, while
    // another tool still sends the legacy key: step 3.
    const rotated = await demo.call<RotatedAuthToken>('POST', '/v1/me/auth-token/rotate', {
      token: memberToken(),
    });
    await activate('auth-token', rotated.token);
    await activate('api-key', legacyKey);
    await checkAgain();
    const atThree = { ...start.counts, '2': start.counts['2'] - 1, '3': start.counts['3'] + 1 };
    await expectCounts(atThree, 'once the auth token is in use');
    await until(() => currentStep(memberId), '3', 'the step with both in use');
    assert.match(await text(card(memberId).locator('[part="usage"]')), /^Auth token last used/);

    // Every tool now sends the auth token: step 4.
    await activate('auth-token', rotated.token);
    await checkAgain();
    const atFour = { ...start.counts, '2': start.counts['2'] - 1, '4': start.counts['4'] + 1 };
    await expectCounts(atFour, 'once only the auth token is used');
    await until(() => currentStep(memberId), '4', 'the step with only the token in use');

    // Step 4: remove the legacy key after the confirmation.
    await card(memberId).locator('[part="remove-button"]').click();
    const dialog = page.locator('ls-key-migration ls-confirm-dialog [part="dialog"]');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('[part="confirm-button"]').click();
    await card(memberId).waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    const done = { ...start.counts, '2': start.counts['2'] - 1 };
    await expectCounts(done, 'after removing the legacy key');

    await assert.rejects(activate('api-key', legacyKey), /401/);
    await activate('auth-token', rotated.token);
  });

  test('shows members a read-only page', async () => {
    const memberPage = await demo.openDemo({ as: 'member' });
    try {
      assert.equal(await memberPage.locator('ls-invite-form').count(), 0);
      assert.equal(await memberPage.locator('ls-key-migration [part="assign-button"]').count(), 0);
      assert.equal(await memberPage.locator('ls-key-migration [part="remove-button"]').count(), 0);
      assert.ok((await memberPage.locator('ls-key-migration [part="member"]').count()) > 0);
    } finally {
      await memberPage.close();
    }
  });
});

/** Changes a member's role through the expanded row of the members table. */
async function changeRoleOnPage(name: string, role: 'Admin' | 'Member'): Promise<void> {
  const table = page.locator('ls-members-table');
  await table.locator('[part="search-input"]').fill(name);
  // The search applies after a pause and renders the rows again, which would close a row
  // expanded before it, so the test waits until only the match is listed.
  await until(() => table.locator('tr[part~="row"]').count(), 1, 'rows matching the search');
  const row = table.locator('tr[part~="row"]', { hasText: name });
  await row
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await table.locator('[part="role-button"]').click();
  await table.getByRole('menuitemradio', { name: new RegExp(`^${role}`) }).click();
  await until(
    async () => text(table.locator('[part="role-button"]')),
    role,
    'the role shown in the table',
  );
}
