import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import type { LiveStatus, WorkspaceStore } from '../../sdk/index.js';
import { insertSession } from '../../server/seed/seed-rows.js';
import { createSecret } from '../../server/service/secrets.js';
import { startDemoHarness, type DemoHarness } from './support/demo-harness.js';
import { startLoopbackProxy, type LoopbackProxy } from './support/loopback-proxy.js';

/** How soon a change must show on the other admin's page, in milliseconds. */
const LIVE_BUDGET_MS = 1000;

let demo: DemoHarness;
let proxy: LoopbackProxy;

/** The request line of an event stream request. */
const EVENTS_REQUEST = /^GET \/v1\/workspaces\/[^/]+\/events[ ?]/;
let pageA: Page;
let contextB: BrowserContext;
let pageB: Page;

before(async () => {
  demo = await startDemoHarness();
  // Page B reaches the dev server through a proxy that the test can cut.
  proxy = await startLoopbackProxy(Number(new URL(demo.origin).port));
  pageA = await demo.openDemo();
  contextB = await openSecondAdmin(demo.browser);
  pageB = await contextB.newPage();
  pageB.setDefaultTimeout(5000);
  await pageB.goto(`${proxy.url}/index.html`);
  await pageB.locator('ls-key-migration [part="base"][aria-busy="false"]').waitFor();
});

after(async () => {
  await contextB?.close();
  await proxy?.close();
  await demo?.close();
});

/**
 * Signs in a second admin of the demo workspace in a browser context of its own. The demo
 * page reads its session token from `/demo-credentials.json`, which the context fulfills.
 */
async function openSecondAdmin(browser: Browser): Promise<BrowserContext> {
  const database = demo.api.database;
  const admin = database.get<{ user_id: string }>(
    `SELECT user_id FROM members
     WHERE workspace_id = ? AND role = 'admin' AND status = 'active' AND id != ?`,
    [demo.credentials.workspaceId, demo.credentials.admin.memberId],
  );
  assert.ok(admin, 'the demo workspace has a second active admin');
  const session = await createSecret('lss');
  insertSession(database, session, admin.user_id, new Date().toISOString());

  const file = (await (await fetch(`${demo.origin}/demo-credentials.json`)).json()) as object;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/demo-credentials.json', (route) =>
    route.fulfill({ json: { ...file, adminToken: session.value } }),
  );
  return context;
}

/** Reads the live status of the store that the page's `<ls-workspace>` provides. */
function liveStatus(page: Page): Promise<LiveStatus | undefined> {
  return page.evaluate(() => {
    const workspace = document.querySelector('ls-workspace') as
      (Element & { workspaceStore?: WorkspaceStore }) | null;
    return workspace?.workspaceStore?.state.live;
  });
}

async function waitForLive(page: Page, expected: (status: LiveStatus | undefined) => boolean) {
  const deadline = Date.now() + 10_000;
  let status = await liveStatus(page);
  while (!expected(status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await liveStatus(page);
  }
  assert.ok(expected(status), `live status is ${status}`);
}

/** Invites a person through page A's invite form. */
async function inviteOnPageA(name: string, email: string): Promise<void> {
  const form = pageA.locator('ls-invite-form');
  await form.locator('[part="name-input"]').fill(name);
  await form.locator('[part="email-input"]').fill(email);
  await form.locator('[part="submit-button"]').click();
}

const rowOn = (page: Page, name: string) =>
  page.locator('ls-members-table tr[part~="row"]', { hasText: name });

describe('live updates between two admins', () => {
  test('invitation shows on the other page', async () => {
    await waitForLive(pageB, (status) => status === 'open');
    const started = performance.now();

    await inviteOnPageA('Aaron Aalto', 'aaron.aalto@example.net');
    await rowOn(pageB, 'Aaron Aalto').waitFor({ timeout: 5000 });

    const latency = performance.now() - started;
    console.log(`invitation on page A showed on page B after ${Math.round(latency)} ms`);
    assert.ok(latency < LIVE_BUDGET_MS, `${Math.round(latency)} ms`);
  });

  test('change made while cut shows after reconnect', async () => {
    await waitForLive(pageB, (status) => status === 'open');
    const opensBefore = proxy.requestTimes(EVENTS_REQUEST).length;

    proxy.cut();
    await waitForLive(pageB, (status) => status === 'reconnecting');
    await inviteOnPageA('Aaron Abbott', 'aaron.abbott@example.net');
    await rowOn(pageA, 'Aaron Abbott').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await rowOn(pageB, 'Aaron Abbott').count(), 0, 'page B cannot see it yet');
    const restored = performance.now();
    proxy.restore();

    await rowOn(pageB, 'Aaron Abbott').waitFor({ timeout: 40_000 });
    const seen = performance.now();
    const reconnects = proxy.requestTimes(EVENTS_REQUEST).slice(opensBefore);
    const reconnected = reconnects.find((time) => time >= restored);
    assert.ok(reconnected !== undefined, 'page B opened its stream again after the restore');
    const latency = seen - reconnected;
    console.log(
      `page B reconnected ${Math.round(reconnected - restored)} ms after the restore and ` +
        `showed the change ${Math.round(latency)} ms after reconnecting`,
    );
    assert.ok(latency < LIVE_BUDGET_MS, `${Math.round(latency)} ms`);
    await waitForLive(pageB, (status) => status === 'open');
  });
});
