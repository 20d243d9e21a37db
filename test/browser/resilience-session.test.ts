import { expect, fixture, html } from '@open-wc/testing';

import '../../src/invite-form/define.js';
import '../../src/licenses/define.js';
import '../../src/members-table/define.js';
import '../../src/workspace/define.js';
import { isUnauthorizedError, type WorkspaceStore } from '../../sdk/index.js';
import { LsUnauthorizedEvent, type LsMembersTable, type LsWorkspace } from '../../src/index.js';
import { memberRows, part, skeletonRows, textOf, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import {
  createStore,
  injectFault,
  renewSession,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

/** How long the server holds the three requests, so the session expires while they wait. */
const IN_FLIGHT_MS = 1500;

/** A host's session: the token that `getToken` returns, and how often it was asked. */
interface HostSession {
  token: string;
  asks: number;
  getToken: () => string;
}

function hostSession(token: string): HostSession {
  const session: HostSession = {
    token,
    asks: 0,
    getToken: () => {
      session.asks++;
      return session.token;
    },
  };
  return session;
}

interface Page {
  store: WorkspaceStore;
  table: LsMembersTable;
  /** Every `ls-unauthorized` event that reached the page. */
  events: LsUnauthorizedEvent[];
}

/** Renders a workspace with the table, the form and the licenses, as a host page would. */
async function renderPage(seeded: SeededWorkspace, session: HostSession): Promise<Page> {
  const wrapper = await fixture<HTMLElement>(html`
    <div>
      <ls-workspace workspace=${seeded.workspaceId} .getToken=${session.getToken}>
        <ls-invite-form></ls-invite-form>
        <ls-members-table></ls-members-table>
        <ls-licenses></ls-licenses>
      </ls-workspace>
    </div>
  `);
  const events: LsUnauthorizedEvent[] = [];
  wrapper.addEventListener('ls-unauthorized', (event) => events.push(event));
  const workspace = wrapper.querySelector('ls-workspace') as LsWorkspace;
  const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
  await untilRows(table);
  const store = workspace.workspaceStore;
  if (store === undefined) throw new Error('<ls-workspace> provides no store.');
  // The live event stream asks for a token when it connects; the tests count the asks after.
  await waitUntil(() => store.state.live === 'open', 'the event stream did not open');
  return { store, table, events };
}

/** Records whether the table ever lost its rows or showed an error while `run` ran. */
async function watchTable(page: Page, run: () => Promise<void>) {
  const rows = memberRows(page.table).length;
  const seen = { fewerRows: false, error: false };
  const unsubscribe = page.store.subscribe((state) => {
    if (state.members.items.length < rows) seen.fewerRows = true;
    if (state.members.error !== null || state.error !== null) seen.error = true;
  });
  await run();
  unsubscribe();
  return seen;
}

/** Waits until no request has asked for a token for `quietMs`. */
async function untilQuiet(session: HostSession, quietMs = 500): Promise<void> {
  let asks = -1;
  await waitUntil(
    async () => {
      if (asks === session.asks) return true;
      asks = session.asks;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      return asks === session.asks;
    },
    'requests kept asking for tokens',
    { timeout: 8000 },
  );
}

describe('session expiry in the elements', () => {
  let seeded: SeededWorkspace;

  beforeEach(async () => {
    seeded = await seedWorkspace();
  });

  describe('with a new token', () => {
    it('keeps the rows through three requests', async () => {
      const session = hostSession(seeded.adminToken);
      const page = await renderPage(seeded, session);
      const rows = memberRows(page.table).length;
      await injectFault(seeded, { path: '/v1/workspaces/', delayMs: IN_FLIGHT_MS, times: 3 });

      const asksBefore = session.asks;

      const seen = await watchTable(page, async () => {
        const refreshed = page.store.refresh();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const asksInFlight = session.asks;
        session.token = await renewSession(seeded.adminToken);
        await refreshed;

        expect(asksInFlight - asksBefore).to.equal(3, 'one token for each request in flight');
        expect(session.asks - asksInFlight).to.equal(1, 'one refresh for all three');
      });
      await page.table.updateComplete;

      expect(seen.fewerRows).to.equal(false);
      expect(seen.error).to.equal(false);
      expect(memberRows(page.table).length).to.equal(rows);
      expect(skeletonRows(page.table).length).to.equal(0);
      expect(part(page.table, 'error')).to.equal(null);
      expect(page.events.length).to.equal(0);
    });
  });

  describe('with the new token rejected too', () => {
    it('fires one ls-unauthorized for the burst', async () => {
      const session = hostSession(seeded.adminToken);
      const page = await renderPage(seeded, session);
      await renewSession(seeded.adminToken);

      await page.store.refresh();
      await untilQuiet(session);

      expect(page.events.length).to.equal(1);
      const [event] = page.events;
      expect(event).to.be.instanceOf(LsUnauthorizedEvent);
      expect(event?.bubbles).to.equal(true);
      expect(event?.composed).to.equal(true);
      expect(isUnauthorizedError(event?.error)).to.equal(true);
      expect(event?.error.status).to.equal(401);
    });

    it('asks for one new token and stops', async () => {
      const session = hostSession(seeded.adminToken);
      const page = await renderPage(seeded, session);
      await renewSession(seeded.adminToken);
      const asksBefore = session.asks;

      await page.store.refresh();
      await untilQuiet(session);

      expect(session.asks - asksBefore).to.equal(4, 'three requests and one refresh');
    });

    it('shows the error with retry and keeps the rows', async () => {
      const session = hostSession(seeded.adminToken);
      const page = await renderPage(seeded, session);
      const rows = memberRows(page.table).length;
      await renewSession(seeded.adminToken);

      await page.store.refresh();
      await page.table.updateComplete;

      expect(textOf(part(page.table, 'error'))).to.contain('Could not load the members.');
      expect(part(page.table, 'retry-button')).not.to.equal(null);
      expect(memberRows(page.table).length).to.equal(rows);
    });

    it('fires again after a new sign-in', async () => {
      const session = hostSession(seeded.adminToken);
      const page = await renderPage(seeded, session);
      const renewed = await renewSession(seeded.adminToken);
      await page.store.refresh();
      await untilQuiet(session);

      session.token = renewed;
      part<HTMLButtonElement>(page.table, 'retry-button')?.click();
      await waitUntil(() => part(page.table, 'error') === null, 'the retry did not load');
      await renewSession(renewed);
      await page.store.refresh();
      await untilQuiet(session);

      expect(page.events.length).to.equal(2);
      expect(page.events[1]?.error).not.to.equal(page.events[0]?.error);
    });

    it('table alone fires ls-unauthorized once', async () => {
      const store = createStore(seeded);
      const wrapper = await fixture<HTMLElement>(html`
        <div><ls-members-table .store=${store}></ls-members-table></div>
      `);
      const events: LsUnauthorizedEvent[] = [];
      wrapper.addEventListener('ls-unauthorized', (event) => events.push(event));
      const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
      await untilRows(table);
      await renewSession(seeded.adminToken);

      await store.refresh();
      await table.updateComplete;

      expect(events.length).to.equal(1);
      expect(events[0]?.target === table).to.equal(true);
    });
  });
});
