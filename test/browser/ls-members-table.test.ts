import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/define.js';
import type { LicensePool, Member } from '../../sdk/index.js';
import type { LsMembersTable, LsWorkspace } from '../../src/index.js';
import {
  memberRows,
  part,
  rowOf,
  skeletonRows,
  tableElement,
  textOf,
  untilPart,
  untilRows,
} from './support/table-queries.js';
import {
  createClient,
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

interface SeededData {
  seeded: SeededWorkspace;
  members: Member[];
  pools: LicensePool[];
  total: number;
}

/** Seeds a workspace and reads its members and pools through the API, for comparison. */
async function seedWithData(): Promise<SeededData> {
  const seeded = await seedWorkspace();
  const client = createClient(seeded);
  const page = await client.listMembers({ limit: 100 });
  const licenses = await client.listLicenses();
  return { seeded, members: [...page.items], pools: [...licenses.pools], total: page.total };
}

function find(members: Member[], predicate: (member: Member) => boolean, what: string): Member {
  const member = members.find(predicate);
  if (member === undefined) throw new Error(`The seeded workspace has no ${what}.`);
  return member;
}

function isInvitation(member: Member): boolean {
  return member.status === 'invited';
}

function hasExpired(member: Member): boolean {
  const expiresAt = member.invitation?.expiresAt;
  return expiresAt !== undefined && Date.parse(expiresAt) <= Date.now();
}

async function renderTable(seeded: SeededWorkspace, token = seeded.adminToken) {
  const store = createStore(seeded, token);
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${store}></ls-members-table>`,
  );
  return { store, table };
}

/** Renders a table whose store lists `limit` members per page, loaded before it is shown. */
async function renderPagedTable(seeded: SeededWorkspace, limit: number, token = seeded.adminToken) {
  const store = createStore(seeded, token);
  await store.setQuery({ sort: 'name', limit });
  await store.load();
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${store}></ls-members-table>`,
  );
  return { store, table };
}

function membersPath(seeded: SeededWorkspace): string {
  return `/v1/workspaces/${seeded.workspaceId}/members`;
}

describe('<ls-members-table>', () => {
  describe('rendering', () => {
    let data: SeededData;
    let table: LsMembersTable;

    before(async () => {
      data = await seedWithData();
    });

    beforeEach(async () => {
      const rendered = await renderTable(data.seeded);
      table = rendered.table;
      // The licenses arrive separately from the members; the badges need both.
      await waitUntil(() => rendered.store.state.licenses !== null, 'licenses did not load');
      await untilRows(table);
      await table.updateComplete;
    });

    it('lists the first page of members', () => {
      expect(memberRows(table).length).to.equal(Math.min(data.total, 50));
    });

    it('shows name, email and role', () => {
      const admin = find(data.members, (member) => member.role === 'admin', 'admin');
      const row = rowOf(table, admin.id);

      expect(textOf(row.querySelector('.name'))).to.equal(admin.name);
      expect(textOf(row.querySelector('.email'))).to.equal(admin.email);
      expect(textOf(row.cells[1] ?? null)).to.equal('Admin');
    });

    it('marks pending invitations', () => {
      const invited = find(
        data.members,
        (member) => isInvitation(member) && !hasExpired(member),
        'pending invitation',
      );
      const badge = rowOf(table, invited.id).querySelector('[part~="status-badge"]');

      expect(textOf(badge)).to.equal('Invitation pending');
    });

    it('marks expired invitations', () => {
      const expired = find(data.members, hasExpired, 'expired invitation');
      const badge = rowOf(table, expired.id).querySelector('[part~="status-badge"]');

      expect(textOf(badge)).to.equal('Invitation expired');
    });

    it('shows active members as active', () => {
      const active = find(data.members, (member) => member.status === 'active', 'active member');

      expect(textOf(rowOf(table, active.id).cells[2] ?? null)).to.equal('Active');
    });

    it('shows the license pool name', () => {
      const licensed = find(data.members, (member) => member.licenseId !== null, 'license');
      const pool = data.pools.find((candidate) => candidate.id === licensed.licenseId);
      const badge = rowOf(table, licensed.id).querySelector('[part~="license-badge"]');

      if (pool === undefined) throw new Error(`No pool ${licensed.licenseId} in the licenses.`);

      expect(textOf(badge)).to.contain(pool.name);
    });

    it('shows members without a license', () => {
      const unlicensed = find(data.members, (member) => member.licenseId === null, 'unlicensed');

      expect(textOf(rowOf(table, unlicensed.id).cells[3] ?? null)).to.equal('No license');
    });

    it('marks legacy keys with their hint', () => {
      const holder = find(data.members, (member) => member.legacyKey !== null, 'legacy key');
      const marker = rowOf(table, holder.id).querySelector('[part~="legacy-key"]');

      expect(textOf(marker)).to.equal(`Legacy API key ${holder.legacyKey?.hint}`);
    });

    it('shows the total count', () => {
      expect(textOf(part(table, 'total'))).to.equal(`${data.total} members`);
    });

    it('uses column headers', () => {
      const headers = [...tableElement(table).querySelectorAll('thead th')];

      expect(headers.map((header) => header.getAttribute('scope'))).to.deep.equal(
        Array(5).fill('col'),
      );
      expect(headers.map((header) => textOf(header))).to.deep.equal([
        'Name',
        'Role',
        'Status',
        'License',
        'Legacy API key',
      ]);
    });
  });

  describe('loading', () => {
    it('shows skeleton rows while pending', async () => {
      const seeded = await seedWorkspace();
      await injectFault(seeded, { path: membersPath(seeded), delayMs: 1500 });

      const { table } = await renderTable(seeded);

      expect(skeletonRows(table).length).to.be.greaterThan(0);
      expect(tableElement(table).getAttribute('aria-busy')).to.equal('true');
      expect(part(table, 'total')).to.equal(null);

      await untilRows(table);

      expect(skeletonRows(table).length).to.equal(0);
      expect(tableElement(table).getAttribute('aria-busy')).to.equal('false');
    });
  });

  describe('errors', () => {
    let seeded: SeededWorkspace;

    beforeEach(async () => {
      seeded = await seedWorkspace();
    });

    it('shows the error with Retry', async () => {
      await injectFault(seeded, { path: membersPath(seeded), status: 500 });

      const { table } = await renderTable(seeded);
      const alert = await untilPart(table, 'error');

      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain('Could not load the members.');
      expect(textOf(alert)).to.contain('injected a 500');
      expect(textOf(part(table, 'retry-button'))).to.equal('Retry');
      expect(memberRows(table).length).to.equal(0);
    });

    it('recovers on Retry', async () => {
      await injectFault(seeded, { path: membersPath(seeded), status: 500 });
      const { table } = await renderTable(seeded);
      const retry = (await untilPart(table, 'retry-button')) as HTMLButtonElement;

      retry.click();
      await untilRows(table);

      expect(part(table, 'error')).to.equal(null);
    });

    it('keeps shown rows when loading more fails', async () => {
      const { table } = await renderPagedTable(seeded, 10);
      await untilRows(table, 10);
      await injectFault(seeded, { path: membersPath(seeded), method: 'GET', status: 500 });

      part<HTMLButtonElement>(table, 'load-more-button')?.click();
      await untilPart(table, 'error');

      expect(memberRows(table).length).to.equal(10);

      part<HTMLButtonElement>(table, 'retry-button')?.click();
      await untilRows(table, 20);

      expect(part(table, 'error')).to.equal(null);
    });
  });

  describe('empty state', () => {
    it('says that no member matches', async () => {
      const seeded = await seedWorkspace();
      const store = createStore(seeded);
      await store.setQuery({ query: 'no-such-person' });
      await store.load();

      const table = await fixture<LsMembersTable>(
        html`<ls-members-table .store=${store}></ls-members-table>`,
      );

      expect(textOf(part(table, 'empty'))).to.equal('No members match “no-such-person”.');
      expect(textOf(part(table, 'total'))).to.equal('0 members');
      expect(part(table, 'load-more-button')).to.equal(null);
    });
  });

  describe('paging', () => {
    it('appends the next page on Load more', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderPagedTable(seeded, 10);
      await untilRows(table, 10);
      const firstPage = memberRows(table).map((row) => row.dataset.memberId);

      part<HTMLButtonElement>(table, 'load-more-button')?.click();
      await untilRows(table, 20);

      const ids = memberRows(table).map((row) => row.dataset.memberId);
      expect(ids.slice(0, 10)).to.deep.equal(firstPage);
      expect(new Set(ids).size).to.equal(20);
    });

    it('hides Load more after the last page', async () => {
      const seeded = await seedWorkspace();
      const { store, table } = await renderPagedTable(seeded, 100);
      await untilRows(table);

      expect(store.state.members.nextCursor).to.equal(null);
      expect(part(table, 'load-more-button')).to.equal(null);
      expect(textOf(part(table, 'total'))).to.equal(`${store.state.members.total} members`);
    });
  });

  describe('read-only for members', () => {
    it('offers admins the unassign control', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderTable(seeded);
      await untilRows(table);
      await waitUntil(() => part(table, 'unassign-button') !== null, 'no unassign control');

      const control = part(table, 'unassign-button');
      expect(control?.getAttribute('aria-label')).to.match(/^Unassign the license of /);
    });

    it('offers members no controls', async () => {
      const seeded = await seedWorkspace();
      const { store, table } = await renderTable(seeded, seeded.memberToken);
      await untilRows(table);
      await waitUntil(() => store.state.workspace !== null, 'the workspace did not load');

      expect(store.state.workspace?.viewer.role).to.equal('member');
      expect(part(table, 'unassign-button')).to.equal(null);
      const controls = table.shadowRoot?.querySelectorAll(
        'tbody button:not([part="disclosure-button"])',
      );
      expect(controls?.length).to.equal(0);
    });
  });

  describe('hostile names', () => {
    it('renders markup in names as text', async () => {
      const seeded = await seedWorkspace();
      const hostile = '<img src=x onerror=alert(1)>';
      const invited = await createClient(seeded).invite({
        name: hostile,
        email: 'hostile@example.com',
      });

      const { table } = await renderTable(seeded);
      await untilRows(table);

      const row = rowOf(table, invited.id);
      expect(row.querySelector('.name')?.textContent).to.equal(hostile);
      expect(table.shadowRoot?.querySelector('img')).to.equal(null);
      expect(document.querySelector('img')).to.equal(null);
    });

    it('isolates the direction of each name', async () => {
      const seeded = await seedWorkspace();
      const invited = await createClient(seeded).invite({
        name: 'مريم العربية',
        email: 'maryam@example.com',
      });

      const { table } = await renderTable(seeded);
      await untilRows(table);

      const name = rowOf(table, invited.id).querySelector('.name');
      expect(name?.localName).to.equal('bdi');
      expect(name?.textContent).to.equal('مريم العربية');
    });
  });

  describe('keyboard', () => {
    async function renderWithButtonBefore(table: () => unknown) {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button id="before">before</button>${table()}</div>`,
      );
      wrapper.querySelector<HTMLButtonElement>('#before')?.focus();
      return wrapper.querySelector('ls-members-table') as LsMembersTable;
    }

    async function tabToPart(table: LsMembersTable): Promise<string | null> {
      await sendKeys({ press: 'Tab' });
      return table.shadowRoot?.activeElement?.getAttribute('part') ?? null;
    }

    it('reaches toolbar, rows and Load more with Tab', async () => {
      const seeded = await seedWorkspace();
      const store = createStore(seeded, seeded.memberToken);
      await store.setQuery({ limit: 10 });
      await store.load();

      const table = await renderWithButtonBefore(
        () => html`<ls-members-table .store=${store}></ls-members-table>`,
      );
      await untilRows(table, 10);

      for (const expected of [
        'search-input',
        'filter',
        'filter',
        'filter',
        'sort',
        'legacy-key-filter',
        'scroller',
        'sort-button',
        'sort-button',
      ]) {
        expect(await tabToPart(table)).to.equal(expected);
      }
      for (let row = 0; row < 10; row += 1) {
        expect(await tabToPart(table)).to.equal('disclosure-button');
      }
      expect(await tabToPart(table)).to.equal('load-more-button');

      await sendKeys({ press: 'Enter' });
      await untilRows(table, 20);
    });

    it('keeps focus in the row after unassign', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderPagedTable(seeded, 10);
      await untilRows(table);
      const button = part<HTMLButtonElement>(table, 'unassign-button');
      const memberId = button?.closest('tr')?.dataset.memberId ?? '';
      button?.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(table, 'unassign-button') !== button, 'the badge stayed');

      const focused = table.shadowRoot?.activeElement;
      expect(focused?.getAttribute('part')).to.equal('assign-button');
      expect(focused?.closest('tr')?.dataset.memberId).to.equal(memberId);
    });

    it('reaches Retry first with Tab', async () => {
      const seeded = await seedWorkspace();
      await injectFault(seeded, { path: membersPath(seeded), status: 500 });
      const store = createStore(seeded, seeded.memberToken);

      const table = await renderWithButtonBefore(
        () => html`<ls-members-table .store=${store}></ls-members-table>`,
      );
      await untilPart(table, 'retry-button');

      expect(await tabToPart(table)).to.equal('retry-button');

      await sendKeys({ press: 'Enter' });
      await untilRows(table);
    });
  });

  describe('accessibility', () => {
    it('passes axe when loaded', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderPagedTable(seeded, 10);
      await untilRows(table);

      await expect(table).to.be.accessible();
    });

    it('passes axe when read-only', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderPagedTable(seeded, 10, seeded.memberToken);
      await untilRows(table);

      await expect(table).to.be.accessible();
    });

    it('passes axe while loading', async () => {
      const seeded = await seedWorkspace();
      await injectFault(seeded, { path: membersPath(seeded), delayMs: 1500 });
      const { table } = await renderTable(seeded);

      expect(skeletonRows(table).length).to.be.greaterThan(0);
      await expect(table).to.be.accessible();
    });

    it('passes axe with an error', async () => {
      const seeded = await seedWorkspace();
      await injectFault(seeded, { path: membersPath(seeded), status: 500 });
      const { table } = await renderTable(seeded);
      await untilPart(table, 'error');

      await expect(table).to.be.accessible();
    });

    it('passes axe when empty', async () => {
      const seeded = await seedWorkspace();
      const store = createStore(seeded);
      await store.setQuery({ query: 'no-such-person' });
      await store.load();
      const table = await fixture<LsMembersTable>(
        html`<ls-members-table .store=${store}></ls-members-table>`,
      );

      await expect(table).to.be.accessible();
    });
  });

  describe('inside <ls-workspace>', () => {
    it('shares one store between two tables', async () => {
      const seeded = await seedWorkspace();
      const workspace = await fixture<LsWorkspace>(html`
        <ls-workspace workspace=${seeded.workspaceId} .token=${seeded.adminToken}>
          <ls-members-table></ls-members-table>
          <ls-members-table></ls-members-table>
        </ls-workspace>
      `);
      const [first, second] = [...workspace.querySelectorAll('ls-members-table')];
      if (first === undefined || second === undefined) throw new Error('Two tables expected.');
      await untilRows(first);
      await untilRows(second);
      await waitUntil(() => part(first, 'unassign-button') !== null, 'no unassign control');

      const row = part(first, 'unassign-button')?.closest('tr');
      const memberId = row?.dataset.memberId ?? '';
      part<HTMLButtonElement>(first, 'unassign-button')?.click();

      await waitUntil(
        () => textOf(rowOf(second, memberId).cells[3] ?? null) === 'No license',
        'the second table did not show the unassigned license',
      );
      expect(textOf(rowOf(first, memberId).cells[3] ?? null)).to.equal('No license');
      const licenses = await createClient(seeded).listMembers({ limit: 100 });
      expect(licenses.items.find((member) => member.id === memberId)?.licenseId).to.equal(null);
    });
  });
});
