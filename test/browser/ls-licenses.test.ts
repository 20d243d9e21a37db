import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';

import '../../src/licenses/define.js';
import '../../src/workspace/define.js';
import { WorkspaceStore, type Licenses, type WorkspaceClient } from '../../sdk/index.js';
import type { LsLicenses } from '../../src/licenses/ls-licenses.js';
import { formatDate } from '../../src/i18n/format.js';
import { withExpiredPool, withOverrides } from './support/client-overrides.js';
import {
  partOf,
  shadowQuery,
  shadowQueryAll,
  textOf,
  untilShadow,
} from './support/shadow-queries.js';
import {
  createClient,
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

const TEAM_POOL = 'lic_team';
const ENTERPRISE_POOL = 'lic_enterprise';

async function renderLicenses(store: WorkspaceStore): Promise<LsLicenses> {
  const element = await fixture<LsLicenses>(html`<ls-licenses .store=${store}></ls-licenses>`);
  await untilShadow(element, '[part="pool"]');
  return element;
}

function poolElement(element: LsLicenses, poolId: string): HTMLElement {
  const pool = shadowQuery(element, `[data-pool-id="${poolId}"]`);
  if (pool === null) throw new Error(`<ls-licenses> shows no pool ${poolId}.`);
  return pool;
}

function meterOf(element: LsLicenses, poolId: string): HTMLElement {
  const meter = poolElement(element, poolId).querySelector<HTMLElement>('[role="meter"]');
  if (meter === null) throw new Error(`Pool ${poolId} has no meter.`);
  return meter;
}

function holdersButton(element: LsLicenses, poolId: string): HTMLButtonElement {
  const button = poolElement(element, poolId).querySelector<HTMLButtonElement>(
    '[part="holders-button"]',
  );
  if (button === null) throw new Error(`Pool ${poolId} has no holders button.`);
  return button;
}

function holderNames(element: LsLicenses, poolId: string): string[] {
  const names = poolElement(element, poolId).querySelectorAll('[part="holders"] li .name');
  return [...names].map((name) => textOf(name));
}

async function untilHolders(element: LsLicenses, poolId: string, count?: number) {
  await waitUntil(
    () => {
      const shown = holderNames(element, poolId).length;
      return count === undefined ? shown > 0 : shown === count;
    },
    `pool ${poolId} did not list ${count ?? 'its'} holders`,
    { timeout: 5000 },
  );
}

function pool(licenses: Licenses, poolId: string) {
  const found = licenses.pools.find((candidate) => candidate.id === poolId);
  if (found === undefined) throw new Error(`No pool ${poolId} on the server.`);
  return found;
}

describe('<ls-licenses>', () => {
  let seeded: SeededWorkspace;
  let client: WorkspaceClient;
  let licenses: Licenses;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    client = createClient(seeded);
    licenses = await client.listLicenses();
  });

  describe('rendering', () => {
    it('groups pools by plan', async () => {
      const element = await renderLicenses(createStore(seeded));
      const headings = shadowQueryAll(element, '[part="plan"] h3').map((heading) =>
        textOf(heading),
      );

      expect(headings).to.have.members(['Enterprise plan', 'Team plan']);
      expect(textOf(poolElement(element, TEAM_POOL).querySelector('h4'))).to.equal('Team');
    });

    it('shows seats used in a meter', async () => {
      const element = await renderLicenses(createStore(seeded));
      const team = pool(licenses, TEAM_POOL);
      const meter = meterOf(element, TEAM_POOL);

      expect(meter.getAttribute('aria-valuenow')).to.equal(String(team.used));
      expect(meter.getAttribute('aria-valuemax')).to.equal(String(team.seats));
      expect(meter.getAttribute('aria-valuetext')).to.equal(
        `${team.used} of ${team.seats} seats used`,
      );
      expect(textOf(poolElement(element, TEAM_POOL).querySelector('.seats'))).to.equal(
        `${team.used} of ${team.seats} seats used`,
      );
    });

    it('marks a full pool', async () => {
      const element = await renderLicenses(createStore(seeded));

      expect(meterOf(element, TEAM_POOL).classList.contains('full')).to.equal(false);

      const store = createStore(seeded);
      await client.invite({
        name: 'Last Seat',
        email: 'last.seat@example.org',
        licenseId: TEAM_POOL,
      });
      const full = await renderLicenses(store);

      expect(meterOf(full, TEAM_POOL).classList.contains('full')).to.equal(true);
      expect(textOf(poolElement(full, TEAM_POOL).querySelector('.badge.full'))).to.equal('Full');
    });

    it('shows the expiry date', async () => {
      const element = await renderLicenses(createStore(seeded));
      const team = pool(licenses, TEAM_POOL);

      expect(textOf(poolElement(element, TEAM_POOL).querySelector('[part="expiry"]'))).to.equal(
        `Expires on ${formatDate(team.expiresAt ?? '')}`,
      );
    });

    it('marks an expired pool', async () => {
      const store = new WorkspaceStore(withExpiredPool(client, ENTERPRISE_POOL));
      const element = await renderLicenses(store);
      const expiry = poolElement(element, ENTERPRISE_POOL).querySelector('[part="expiry"]');

      expect(textOf(expiry)).to.match(/^Expired on /);
      expect(expiry?.querySelector('.badge.expired')).to.not.equal(null);
    });

    it('shows the active-license count and its rule', async () => {
      const element = await renderLicenses(createStore(seeded));

      expect(textOf(partOf(element, 'active-count'))).to.equal(
        `${licenses.activeLicenseCount} active licenses`,
      );
      expect(textOf(shadowQuery(element, '.rule'))).to.equal(
        'A member with a license, a legacy API key or both counts once.',
      );
    });
  });

  describe('members of a pool', () => {
    it('loads the holders on demand', async () => {
      const element = await renderLicenses(createStore(seeded));
      const expected = await client.listMembers({ license: ENTERPRISE_POOL, limit: 100 });
      const button = holdersButton(element, ENTERPRISE_POOL);

      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(holderNames(element, ENTERPRISE_POOL)).to.deep.equal([]);

      button.click();
      await untilHolders(element, ENTERPRISE_POOL, expected.items.length);

      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(holderNames(element, ENTERPRISE_POOL)).to.deep.equal(
        expected.items.map((member) => member.name),
      );
    });

    it('counts holders beyond the page', async () => {
      // The server returns pages of 3, so the holders after the third are counted as "and N more".
      const paged = withOverrides(client, {
        listMembers: (query) => client.listMembers({ ...query, limit: 3 }),
      });
      const element = await renderLicenses(new WorkspaceStore(paged));
      const total = (await client.listMembers({ license: ENTERPRISE_POOL })).total;

      holdersButton(element, ENTERPRISE_POOL).click();
      await untilHolders(element, ENTERPRISE_POOL, 3);

      expect(textOf(poolElement(element, ENTERPRISE_POOL).querySelector('.more'))).to.equal(
        `and ${total - 3} more`,
      );
    });

    it('hides the holders again', async () => {
      const element = await renderLicenses(createStore(seeded));
      const button = holdersButton(element, TEAM_POOL);

      button.click();
      await untilHolders(element, TEAM_POOL);
      button.click();
      await element.updateComplete;

      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(holderNames(element, TEAM_POOL)).to.deep.equal([]);
    });
  });

  describe('long names', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    for (const width of [1280, 360]) {
      it(`wraps a holder's long name at ${width} px`, async () => {
        await setViewport({ width, height: 800 });
        const longName = 'W'.repeat(200);
        const seatsFree = pool(licenses, ENTERPRISE_POOL);
        expect(seatsFree.used, 'the pool has a free seat').to.be.below(seatsFree.seats);
        await client.invite({
          name: longName,
          email: `${'e'.repeat(60)}@${'d'.repeat(60)}.example.com`,
          licenseId: ENTERPRISE_POOL,
        });
        const element = await renderLicenses(createStore(seeded));

        holdersButton(element, ENTERPRISE_POOL).click();
        await waitUntil(
          () => holderNames(element, ENTERPRISE_POOL).includes(longName),
          'the holder with the long name is not listed',
        );
        const base = partOf(element, 'base');

        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
        expect(element.scrollWidth).to.be.at.most(element.clientWidth + 1);
      });
    }
  });

  describe('right-to-left', () => {
    it('isolates English counts from the page direction', async () => {
      const seeded = await seedWorkspace();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl"><ls-licenses .store=${createStore(seeded)}></ls-licenses></div>`,
      );
      const element = wrapper.querySelector('ls-licenses') as LsLicenses;
      await untilShadow(element, '[part="pool"]');

      const activeCount = shadowQuery(element, '[part="active-count"] > bdi');
      const seats = poolElement(element, TEAM_POOL).querySelector('.seats > bdi');
      expect(activeCount?.textContent?.trim()).to.match(/^\d+ active licenses?$/);
      expect(seats?.textContent?.trim()).to.match(/^\d+ of \d+ seats? used$/);
    });
  });

  describe('keyboard', () => {
    it('toggles the holders with Enter', async () => {
      const element = await renderLicenses(createStore(seeded));
      const button = holdersButton(element, TEAM_POOL);

      button.focus();
      await sendKeys({ press: 'Enter' });
      await untilHolders(element, TEAM_POOL);

      expect(button.getAttribute('aria-expanded')).to.equal('true');

      await sendKeys({ press: 'Space' });
      await element.updateComplete;

      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('live updates', () => {
    it('moves the meter when a license is assigned', async () => {
      const store = createStore(seeded);
      const element = await renderLicenses(store);
      const team = pool(licenses, TEAM_POOL);
      const unlicensed = await client.listMembers({ license: 'none', status: 'active', limit: 1 });
      const member = unlicensed.items[0];
      if (member === undefined) throw new Error('The seed has no active member without a license.');

      holdersButton(element, TEAM_POOL).click();
      await untilHolders(element, TEAM_POOL);
      await store.assignLicense(member.id, TEAM_POOL);
      await element.updateComplete;

      expect(meterOf(element, TEAM_POOL).getAttribute('aria-valuenow')).to.equal(
        String(team.used + 1),
      );
      await waitUntil(
        () => holderNames(element, TEAM_POOL).includes(member.name),
        'the new holder was not listed',
      );
    });

    it('moves the meter when a license is unassigned', async () => {
      const store = createStore(seeded);
      const element = await renderLicenses(store);
      const enterprise = pool(licenses, ENTERPRISE_POOL);
      const holders = await client.listMembers({ license: ENTERPRISE_POOL, status: 'active' });
      const member = holders.items.find((candidate) => candidate.role === 'member');
      if (member === undefined) throw new Error('The seed has no member holding Enterprise.');

      await store.unassignLicense(member.id);
      await element.updateComplete;

      expect(meterOf(element, ENTERPRISE_POOL).getAttribute('aria-valuenow')).to.equal(
        String(enterprise.used - 1),
      );
    });

    it('follows an invitation made elsewhere on the page', async () => {
      const store = createStore(seeded);
      const element = await renderLicenses(store);
      const before = pool(licenses, ENTERPRISE_POOL).used;

      await store.invite({
        name: 'Live Invite',
        email: 'live.invite@example.org',
        licenseId: ENTERPRISE_POOL,
      });
      await element.updateComplete;

      expect(meterOf(element, ENTERPRISE_POOL).getAttribute('aria-valuenow')).to.equal(
        String(before + 1),
      );
      expect(textOf(partOf(element, 'active-count'))).to.equal(
        `${licenses.activeLicenseCount + 1} active licenses`,
      );
    });
  });

  describe('errors', () => {
    it('offers Retry when the licenses fail to load', async () => {
      await injectFault(seeded, { path: '/licenses', status: 500 });
      const store = createStore(seeded);
      const element = await fixture<LsLicenses>(html`<ls-licenses .store=${store}></ls-licenses>`);
      const alert = await untilShadow(element, '[part="error"]');

      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain('Could not load the licenses.');

      alert.querySelector('button')?.click();
      await untilShadow(element, '[part="pool"]');

      expect(shadowQueryAll(element, '[part="error"]').length).to.equal(0);
    });

    it('reports a failed holders load in the pool', async () => {
      const element = await renderLicenses(createStore(seeded));
      await injectFault(seeded, { path: '/members', status: 500 });

      holdersButton(element, TEAM_POOL).click();
      const alert = await untilShadow(element, `[data-pool-id="${TEAM_POOL}"] [part="error"]`);

      expect(textOf(alert)).to.contain('Could not load the members of Team.');

      alert.querySelector('button')?.click();
      await untilHolders(element, TEAM_POOL);
    });
  });

  describe('read-only', () => {
    it('shows members the same pools', async () => {
      const element = await renderLicenses(createStore(seeded, seeded.memberToken));

      expect(shadowQueryAll(element, '[part="pool"]').length).to.equal(licenses.pools.length);
      expect(textOf(partOf(element, 'active-count'))).to.equal(
        `${licenses.activeLicenseCount} active licenses`,
      );
    });
  });

  describe('accessibility', () => {
    it('passes axe when loaded', async () => {
      const element = await renderLicenses(createStore(seeded));

      await expect(element).to.be.accessible();
    });

    it('passes axe with holders shown', async () => {
      const element = await renderLicenses(createStore(seeded));

      holdersButton(element, TEAM_POOL).click();
      await untilHolders(element, TEAM_POOL);

      await expect(element).to.be.accessible();
    });

    it('passes axe with a full and an expired pool', async () => {
      await client.invite({
        name: 'Last Seat',
        email: 'last.seat@example.org',
        licenseId: TEAM_POOL,
      });
      const element = await renderLicenses(
        new WorkspaceStore(withExpiredPool(client, ENTERPRISE_POOL)),
      );

      await expect(element).to.be.accessible();
    });

    it('passes axe with a load error', async () => {
      await injectFault(seeded, { path: '/licenses', status: 500 });
      const element = await fixture<LsLicenses>(
        html`<ls-licenses .store=${createStore(seeded)}></ls-licenses>`,
      );
      await untilShadow(element, '[part="error"]');

      await expect(element).to.be.accessible();
    });
  });
});
