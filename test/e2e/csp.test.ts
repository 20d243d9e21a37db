/**
 * Serves the demo page with a strict Content-Security-Policy and fails on any violation while
 * the panel loads and an invitation goes through. The enforced policy allows scripts, style
 * sheets and requests only from the page's own origin: no inline scripts or `<style>`
 * elements or `style` attributes, no eval, no plugins.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

import type { MembersPage } from '../../sdk/index.js';
import { startDemoHarness, type DemoHarness } from './support/demo-harness.js';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The page's icon is an empty data: URL, which keeps the browser from requesting favicon.ico.
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The URL of a script that the control case serves from the page's own origin. */
const CONTROL_SCRIPT = '/csp-control.js';

/** A `securitypolicyviolation` event as the page recorded it. */
interface Violation {
  directive: string;
  /** `enforce`, because the page has no report-only policy. */
  disposition: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  /** The element that the event was dispatched at, such as `span.skeleton`, or `#document`. */
  target: string;
}

declare global {
  interface Window {
    lsCspViolations?: Violation[];
    lsCspControl?: string;
  }
}

/**
 * Records every violation. It runs in the page before any of the page's scripts. The event is
 * composed, so violations inside shadow roots reach the document too.
 */
function recordViolations(): void {
  window.lsCspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const target = event.composedPath()[0];
      window.lsCspViolations?.push({
        directive: event.effectiveDirective,
        disposition: event.disposition,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        target:
          target instanceof Element
            ? [target.localName, ...target.classList].join('.')
            : String((target as Node | undefined)?.nodeName),
      });
    },
    true,
  );
}

/**
 * Tells whether a violation or console message comes from Vite's development client, which a
 * built page does not load. It opens a WebSocket for hot reloading on another port, even though
 * the harness turns hot reloading off.
 */
function fromViteClient(url: string): boolean {
  return new URL(url, 'http://localhost').pathname.startsWith('/@vite/');
}

let demo: DemoHarness;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

function recordConsoleError(message: ConsoleMessage): void {
  if (message.type() !== 'error' || fromViteClient(message.location().url)) return;
  consoleErrors.push(message.text());
}

before(async () => {
  demo = await startDemoHarness();
  context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Adds the policies to the HTML document's response, as a host page's server would.
  await context.route(/\/index\.html/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'content-security-policy': POLICY,
      },
    });
  });
  await context.route(`${demo.origin}${CONTROL_SCRIPT}`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `try {
        window.lsCspControl = new Function('return "evaluated"')();
      } catch (error) {
        window.lsCspControl = error instanceof EvalError ? 'blocked' : String(error);
      }`,
    }),
  );
  await context.addInitScript(recordViolations);
  page = await context.newPage();
  page.on('console', recordConsoleError);
  await demo.openDemo({ page });
});

after(async () => {
  await context?.close();
  await demo?.close();
});

async function violations(): Promise<Violation[]> {
  const recorded = await page.evaluate(() => window.lsCspViolations ?? []);
  return recorded.filter((violation) => !fromViteClient(violation.sourceFile));
}

describe('demo page under a strict Content-Security-Policy', () => {
  test('serves the policy', async () => {
    const policy = await page.evaluate(async () => {
      const response = await fetch(location.href);
      return response.headers.get('content-security-policy');
    });

    assert.equal(policy, POLICY);
  });

  test('loads the panel without a violation', async () => {
    await page.locator('ls-members-table [part~="row"]').first().waitFor();
    await page.locator('ls-licenses [part="meter"]').first().waitFor();
    const meterWidth = await page
      .locator('ls-licenses .meter-fill')
      .first()
      .evaluate((fill) => getComputedStyle(fill).inlineSize);

    assert.deepEqual(await violations(), []);
    assert.deepEqual(consoleErrors, []);
    assert.notEqual(meterWidth, '0px', 'the seat meter shows its fill');
  });

  test('invites a person without a violation', async () => {
    const form = page.locator('ls-invite-form');
    await form.locator('[part="name-input"]').fill('Strict Policy');
    await form.locator('[part="email-input"]').fill('strict.policy@example.net');
    await form.locator('[part="license-checkbox"]').check();
    await form.locator('[part="submit-button"]').click();
    await form.locator('[role="status"]', { hasText: 'Invited Strict Policy' }).waitFor();
    await page.locator('ls-members-table', { hasText: 'Strict Policy' }).waitFor();

    const members = await demo.call<MembersPage>(
      'GET',
      `/v1/workspaces/${demo.credentials.workspaceId}/members?query=strict.policy`,
      { token: demo.credentials.admin.sessionToken },
    );
    assert.equal(members.items.length, 1);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(consoleErrors, []);
  });

  test('records a violation that a script causes', async () => {
    // The control case: a script of the page's origin that evaluates a string is blocked and
    // recorded, so the checks above would have seen the elements do the same.
    const before = (await violations()).length;

    await page.addScriptTag({ url: CONTROL_SCRIPT });
    await page.waitForFunction(() => window.lsCspControl !== undefined);

    const added = (await violations()).slice(before);
    assert.equal(await page.evaluate(() => window.lsCspControl), 'blocked');
    assert.equal(added.length, 1);
    assert.equal(added[0]?.directive, 'script-src');
    assert.equal(added[0]?.disposition, 'enforce');
    assert.equal(added[0]?.blockedURI, 'eval');
  });
});
