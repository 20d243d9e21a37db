import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';

import '../../src/define.js';
import { isHttpError, WorkspaceStore, type LicensePool, type Member } from '../../sdk/index.js';
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
  announcement,
  answerConfirm,
  collectEvents,
  confirmDialogOf,
  detailsOf,
  expandDetails,
  inRow,
  menuItems,
  openMenu,
  openMenuFrom,
  rowError,
} from './support/table-actions.js';
import {
  createClient,
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';
import { deepActiveElement } from './support/shadow-queries.js';
import { waitUntil } from './support/wait-until.js';

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

    it('focuses the table after Retry', async () => {
      await injectFault(seeded, { path: membersPath(seeded), status: 500 });
      const { table } = await renderTable(seeded);
      const retry = (await untilPart(table, 'retry-button')) as HTMLButtonElement;

      retry.focus();
      await sendKeys({ press: 'Enter' });
      await untilRows(table);
      await waitUntil(() => deepActiveElement() !== document.body, 'focus fell back to the page');

      expect(deepActiveElement()).to.equal(part(table, 'scroller'));
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

    it('focuses the first new row after Load more', async () => {
      const seeded = await seedWorkspace();
      const { store, table } = await renderPagedTable(seeded, 10);
      await untilRows(table, 10);
      const button = part<HTMLButtonElement>(table, 'load-more-button');

      button?.focus();
      await sendKeys({ press: 'Enter' });
      await untilRows(table, 20);
      const firstNew = store.state.members.items[10];
      await waitUntil(
        () => deepActiveElement()?.closest('tr')?.dataset.memberId === firstNew?.id,
        'focus did not move to the first new row',
      );

      expect(deepActiveElement()?.getAttribute('part')).to.equal('disclosure-button');
    });

    it('keeps focus in the table after the last page', async () => {
      const seeded = await seedWorkspace();
      const total = (await createClient(seeded).listMembers({ limit: 1 })).total;
      const { table } = await renderPagedTable(seeded, Math.ceil(total / 2));
      await untilRows(table);
      const button = part<HTMLButtonElement>(table, 'load-more-button');

      button?.focus();
      await sendKeys({ press: 'Enter' });
      await untilRows(table, total);
      await waitUntil(() => part(table, 'load-more-button') === null, 'Load more stayed');
      await waitUntil(() => deepActiveElement() !== document.body, 'focus fell back to the page');

      expect(deepActiveElement()?.closest('tr')?.dataset.memberId).to.be.a('string');
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

  describe('row errors', () => {
    /** Makes unassigning the first listed license fail, and returns that member's id. */
    async function failUnassign(seeded: SeededWorkspace, table: LsMembersTable) {
      await waitUntil(() => part(table, 'unassign-button') !== null, 'no unassign control');
      const button = part<HTMLButtonElement>(table, 'unassign-button');
      const memberId = button?.closest('tr')?.dataset.memberId ?? '';
      await injectFault(seeded, {
        path: `${membersPath(seeded)}/${memberId}/license`,
        status: 500,
      });
      button?.click();
      await waitUntil(() => rowError(table) !== null, 'no row error');
      return memberId;
    }

    it('closes an alert with Dismiss', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderPagedTable(seeded, 10);
      await untilRows(table);
      const memberId = await failUnassign(seeded, table);
      const dismiss = rowError(table)?.querySelector<HTMLButtonElement>('[part="dismiss-button"]');
      const size = dismiss?.getBoundingClientRect();

      expect(textOf(dismiss ?? null)).to.equal('Dismiss');
      expect(size?.width).to.be.at.least(24);
      expect(size?.height).to.be.at.least(24);
      await expect(table).to.be.accessible();

      dismiss?.focus();
      await sendKeys({ press: 'Enter' });
      await table.updateComplete;

      expect(rowError(table)).to.equal(null);
      expect(deepActiveElement()?.closest('tr')?.dataset.memberId).to.equal(memberId);
    });

    it('clears alerts on a new sort', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderPagedTable(seeded, 10);
      await untilRows(table);
      await failUnassign(seeded, table);

      part<HTMLButtonElement>(table, 'sort-button')?.click();
      await table.updateComplete;

      expect(rowError(table)).to.equal(null);
    });
  });

  describe('search limit', () => {
    it('limits the search to 200 characters', async () => {
      const seeded = await seedWorkspace();
      const { table } = await renderTable(seeded);
      await untilRows(table);

      expect(part<HTMLInputElement>(table, 'search-input')?.maxLength).to.equal(200);
    });
  });

  describe('long names', () => {
    const longName = 'W'.repeat(200);
    const longEmail = `${'e'.repeat(60)}@${'d'.repeat(60)}.example.com`;
    let seeded: SeededWorkspace;

    before(async () => {
      seeded = await seedWorkspace();
      await createClient(seeded).invite({ name: longName, email: longEmail });
    });

    after(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    for (const width of [1280, 360]) {
      it(`keeps every row within the table at ${width} px`, async () => {
        await setViewport({ width, height: 800 });
        const { table } = await renderPagedTable(seeded, 100);
        await untilRows(table);
        await waitUntil(
          () => memberRows(table).some((row) => textOf(row.querySelector('.name')) === longName),
          'the member with the long name is not listed',
        );
        const scroller = part(table, 'scroller');
        if (scroller === null) throw new Error('No scroller part.');

        expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
        expect(table.scrollWidth).to.be.at.most(table.clientWidth + 1);
      });
    }
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

  /** Renders a table and waits until members, licenses and the workspace are shown. */
  async function renderReady(seeded: SeededWorkspace, token = seeded.adminToken) {
    const rendered = await renderTable(seeded, token);
    await waitUntil(
      () => rendered.store.state.licenses !== null && rendered.store.state.workspace !== null,
      'the workspace or the licenses did not load',
    );
    await untilRows(rendered.table);
    await rendered.table.updateComplete;
    return rendered;
  }

  async function untilQueryLoaded(store: ReturnType<typeof createStore>, table: LsMembersTable) {
    await waitUntil(() => !store.state.members.loading, 'the query did not load', {
      timeout: 5000,
    });
    await table.updateComplete;
  }

  function rowIds(table: LsMembersTable): string[] {
    return memberRows(table).map((row) => row.dataset.memberId ?? '');
  }

  function select(table: LsMembersTable, name: string): HTMLSelectElement {
    const element = table.shadowRoot?.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
    if (element === null || element === undefined) throw new Error(`No select "${name}".`);
    return element;
  }

  function choose(table: LsMembersTable, name: string, value: string): void {
    const element = select(table, name);
    element.value = value;
    element.dispatchEvent(new Event('change'));
  }

  function roleButton(table: LsMembersTable, memberId: string): HTMLElement {
    const button = detailsOf(table, memberId).querySelector<HTMLElement>('[part="role-button"]');
    if (button === null) throw new Error(`No role button in the details of ${memberId}.`);
    return button;
  }

  async function serverMember(seeded: SeededWorkspace, memberId: string): Promise<Member> {
    return createClient(seeded).getMember(memberId);
  }

  async function focusedPart(table: LsMembersTable): Promise<string | null> {
    await table.updateComplete;
    return table.shadowRoot?.activeElement?.getAttribute('part') ?? null;
  }

  describe('search and filters', () => {
    it('searches by name after typing', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const target = find(data.members, (member) => member.status === 'active', 'active member');
      const queries: unknown[] = [];
      store.subscribe((state) => {
        if (!queries.includes(state.members.query)) queries.push(state.members.query);
      });

      const input = part<HTMLInputElement>(table, 'search-input');
      input?.focus();
      await sendKeys({ type: target.name });
      await waitUntil(() => store.state.members.query.query === target.name, 'no search sent');
      await untilQueryLoaded(store, table);

      expect(queries.length, 'one query for the whole typed name').to.equal(1);
      expect(rowIds(table)).to.include(target.id);
      for (const row of memberRows(table)) {
        expect(textOf(row.querySelector('th')).toLowerCase()).to.contain(target.name.toLowerCase());
      }
    });

    it('keeps spaces typed between words', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const target = find(
        data.members,
        (member) => member.status === 'active' && member.name.includes(' '),
        'active member with two names',
      );
      const [first, ...rest] = target.name.split(' ');
      const input = part<HTMLInputElement>(table, 'search-input');
      input?.focus();

      await sendKeys({ type: `${first} ` });
      await waitUntil(() => store.state.members.query.query === `${first} `, 'no search sent');
      await untilQueryLoaded(store, table);
      await sendKeys({ type: rest.join(' ') });
      await waitUntil(() => store.state.members.query.query === target.name, 'no search sent');
      await untilQueryLoaded(store, table);

      expect(input?.value).to.equal(target.name);
      expect(rowIds(table)).to.include(target.id);
    });

    it('searches by email', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const target = find(data.members, (member) => member.status === 'invited', 'invitation');

      part<HTMLInputElement>(table, 'search-input')?.focus();
      await sendKeys({ type: target.email });
      await waitUntil(() => store.state.members.query.query === target.email, 'no search sent');
      await untilQueryLoaded(store, table);

      expect(rowIds(table)).to.deep.equal([target.id]);
    });

    it('filters by role', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const admins = data.members.filter((member) => member.role === 'admin');

      choose(table, 'role', 'admin');
      await waitUntil(() => store.state.members.query.role === 'admin', 'no role filter');
      await untilQueryLoaded(store, table);

      expect(rowIds(table).sort()).to.deep.equal(admins.map((member) => member.id).sort());
      expect(textOf(part(table, 'total'))).to.equal(`${admins.length} members`);
    });

    it('filters by status', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const invited = data.members.filter(isInvitation);

      choose(table, 'status', 'invited');
      await waitUntil(() => store.state.members.query.status === 'invited', 'no status filter');
      await untilQueryLoaded(store, table);

      expect(rowIds(table).sort()).to.deep.equal(invited.map((member) => member.id).sort());
    });

    it('filters members without a license', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const unlicensed = data.members.filter((member) => member.licenseId === null);

      choose(table, 'license', 'none');
      await waitUntil(() => store.state.members.query.license === 'none', 'no license filter');
      await untilQueryLoaded(store, table);

      expect(rowIds(table).sort()).to.deep.equal(unlicensed.map((member) => member.id).sort());
    });

    it('filters by license pool', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const pool = data.pools[0];
      if (pool === undefined) throw new Error('The seeded workspace has no pool.');
      const holders = data.members.filter((member) => member.licenseId === pool.id);

      choose(table, 'license', pool.id);
      await waitUntil(() => store.state.members.query.license === pool.id, 'no pool filter');
      await untilQueryLoaded(store, table);

      expect(rowIds(table).sort()).to.deep.equal(holders.map((member) => member.id).sort());
    });

    it('filters members with a legacy key', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const withKey = data.members.filter((member) => member.legacyKey !== null);

      part<HTMLInputElement>(table, 'legacy-key-filter')?.click();
      await waitUntil(() => store.state.members.query.legacyKey === 'true', 'no key filter');
      await untilQueryLoaded(store, table);

      expect(rowIds(table).sort()).to.deep.equal(withKey.map((member) => member.id).sort());
      for (const row of memberRows(table)) {
        expect(row.querySelector('[part~="legacy-key"]')).to.not.equal(null);
      }
    });

    it('says when no member matches the filters', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);

      choose(table, 'status', 'invited');
      await waitUntil(() => store.state.members.query.status === 'invited', 'no status filter');
      await untilQueryLoaded(store, table);
      choose(table, 'role', 'admin');
      await waitUntil(() => store.state.members.query.role === 'admin', 'no role filter');
      await untilQueryLoaded(store, table);

      expect(textOf(part(table, 'empty'))).to.equal('No members match these filters.');
    });
  });

  describe('sorting', () => {
    it('sorts by name with the column header', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const header = table.shadowRoot?.querySelector('thead th');
      const button = header?.querySelector<HTMLButtonElement>('[part="sort-button"]');
      const descending = await createClient(data.seeded).listMembers({ sort: '-name', limit: 100 });

      expect(header?.getAttribute('aria-sort')).to.equal('ascending');
      button?.click();
      await waitUntil(() => store.state.members.query.sort === '-name', 'no sort sent');
      await untilQueryLoaded(store, table);

      expect(header?.getAttribute('aria-sort')).to.equal('descending');
      expect(rowIds(table)).to.deep.equal(descending.items.map((member) => member.id));
    });

    it('sorts by role with the column header', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const roleHeader = table.shadowRoot?.querySelectorAll('thead th')[1];

      roleHeader?.querySelector<HTMLButtonElement>('[part="sort-button"]')?.click();
      await waitUntil(() => store.state.members.query.sort === 'role', 'no sort sent');
      await untilQueryLoaded(store, table);

      expect(roleHeader?.getAttribute('aria-sort')).to.equal('ascending');
      expect(textOf(memberRows(table)[0]?.cells[1] ?? null)).to.equal('Admin');
    });

    for (const sort of ['email', '-email', 'invitedAt', '-invitedAt'] as const) {
      it(`sorts by ${sort} with the select`, async () => {
        const data = await seedWithData();
        const { store, table } = await renderReady(data.seeded);
        const expected = await createClient(data.seeded).listMembers({ sort, limit: 100 });

        choose(table, 'sort', sort);
        await waitUntil(() => store.state.members.query.sort === sort, 'no sort sent');
        await untilQueryLoaded(store, table);

        expect(rowIds(table)).to.deep.equal(expected.items.map((member) => member.id));
        expect(select(table, 'sort').value).to.equal(sort);
      });
    }

    it('keeps the sort when loading more', async () => {
      const seeded = await seedWorkspace();
      const { store, table } = await renderPagedTable(seeded, 10);
      await untilRows(table, 10);
      const expected = await createClient(seeded).listMembers({ sort: '-email', limit: 20 });

      choose(table, 'sort', '-email');
      await waitUntil(() => store.state.members.query.sort === '-email', 'no sort sent');
      await untilQueryLoaded(store, table);
      part<HTMLButtonElement>(table, 'load-more-button')?.click();
      await untilRows(table, 20);

      expect(rowIds(table)).to.deep.equal(expected.items.map((member) => member.id));
    });
  });

  describe('details', () => {
    it('expands and collapses with the disclosure button', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.legacyKey !== null, 'key');
      const button = inRow(table, member.id, '[part="disclosure-button"]');

      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const details = await expandDetails(table, member.id);

      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.getAttribute('aria-controls')).to.equal(`details-${member.id}`);
      expect(textOf(details)).to.contain(member.email);
      expect(textOf(details)).to.contain('Joined');
      expect(textOf(details)).to.contain(member.legacyKey?.hint ?? 'missing hint');

      button.click();
      await table.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(
        table.shadowRoot?.querySelector(`#details-${member.id}`)?.closest('tr')?.hidden,
      ).to.equal(true);
    });

    it('shows the auth token and its last use', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.authToken?.lastUsedAt !== null && candidate.authToken !== null,
        'used auth token',
      );

      const details = await expandDetails(table, member.id);

      expect(textOf(details)).to.contain(member.authToken?.hint ?? 'missing hint');
      expect(textOf(details)).to.contain('last used');
    });

    it('shows the invited date of invitations', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const invited = find(data.members, isInvitation, 'invitation');

      const details = await expandDetails(table, invited.id);

      expect(textOf(details)).to.contain('Invited');
      expect(textOf(details)).to.not.contain('Joined');
    });
  });

  describe('pending invitations', () => {
    it('marks the name as a placeholder', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const invited = find(data.members, isInvitation, 'invitation');
      const note = inRow<HTMLElement>(table, invited.id, '.placeholder-note');
      const button = inRow(table, invited.id, '[part="disclosure-button"]');

      expect(textOf(note)).to.equal('(name given by the inviter)');
      expect(button.getAttribute('aria-describedby')).to.equal(note.id);
      expect(
        inRow<HTMLElement>(table, invited.id, '.name').classList.contains('placeholder'),
      ).to.equal(true);
    });

    it('shows the time until expiry', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const pending = find(
        data.members,
        (member) => isInvitation(member) && !hasExpired(member),
        'pending invitation',
      );
      const expired = find(data.members, hasExpired, 'expired invitation');

      expect(textOf(inRow<HTMLElement>(table, pending.id, '.expiry'))).to.match(
        /^expires in \d+ (days|hours)$/,
      );
      expect(textOf(inRow<HTMLElement>(table, expired.id, '.expiry'))).to.match(/^expired /);
    });

    it('resends an invitation', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const expired = find(data.members, hasExpired, 'expired invitation');
      const events = collectEvents(table, 'ls-invitation-resent');

      inRow(table, expired.id, '[part="resend-button"]').click();
      await waitUntil(() => events.length === 1, 'no ls-invitation-resent event');
      await table.updateComplete;

      expect(events[0]?.member.id).to.equal(expired.id);
      expect(Date.parse(events[0]?.member.invitation?.expiresAt ?? '')).to.be.greaterThan(
        Date.now(),
      );
      expect(textOf(rowOf(table, expired.id).querySelector('[part~="status-badge"]'))).to.equal(
        'Invitation pending',
      );
      expect(announcement(table)).to.equal(`Sent the invitation to ${expired.email} again`);
    });

    it('revokes an invitation after confirmation', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const invited = find(data.members, isInvitation, 'invitation');
      const events = collectEvents(table, 'ls-member-removed');

      inRow(table, invited.id, '[part="revoke-button"]').click();
      await answerConfirm(table, true);
      await waitUntil(() => events.length === 1, 'no ls-member-removed event');
      await table.updateComplete;

      expect(events[0]?.member.id).to.equal(invited.id);
      expect(rowIds(table)).to.not.include(invited.id);
      expect(announcement(table)).to.equal(`Revoked the invitation to ${invited.email}`);
      const page = await createClient(data.seeded).listMembers({ limit: 100 });
      expect(page.items.map((member) => member.id)).to.not.include(invited.id);
    });

    it('keeps an invitation when revoking is cancelled', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const invited = find(data.members, isInvitation, 'invitation');
      const revoke = inRow(table, invited.id, '[part="revoke-button"]');
      revoke.focus();

      revoke.click();
      await answerConfirm(table, false);
      await waitUntil(() => !confirmDialogOf(table).open, 'the dialog stayed open');

      expect(rowIds(table)).to.include(invited.id);
      expect(table.shadowRoot?.activeElement).to.equal(revoke);
    });
  });

  describe('roles', () => {
    it('makes a member an admin from the role menu', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.role === 'member' && candidate.status === 'active',
        'active member',
      );
      const events = collectEvents(table, 'ls-role-changed');
      await expandDetails(table, member.id);

      const menu = await openMenuFrom(table, roleButton(table, member.id));
      const admin = menuItems(menu).find((item) => textOf(item).startsWith('Admin'));
      admin?.click();
      await waitUntil(() => events.length === 1, 'no ls-role-changed event');
      await table.updateComplete;

      expect(events[0]?.member.role).to.equal('admin');
      expect(events[0]?.previous.role).to.equal('member');
      expect(textOf(rowOf(table, member.id).cells[1] ?? null)).to.equal('Admin');
      expect(announcement(table)).to.equal(`Made ${member.name} an admin`);
      expect((await serverMember(data.seeded, member.id)).role).to.equal('admin');
    });

    it('disables the sole admin demoting themselves', async () => {
      const data = await seedWithData();
      const viewer = await createClient(data.seeded).getWorkspace();
      const other = find(
        data.members,
        (member) => member.role === 'admin' && member.id !== viewer.viewer.memberId,
        'second admin',
      );
      await createClient(data.seeded).updateMember(
        other.id,
        { role: 'member' },
        { version: other.version },
      );
      const { table } = await renderReady(data.seeded);
      const details = await expandDetails(table, viewer.viewer.memberId);
      await waitUntil(() => details.querySelector('[part="reason"]') !== null, 'no reason shown');

      const reason = details.querySelector('[part="reason"]');
      const roleButton = details.querySelector('[part="role-button"]');
      const removeButton = details.querySelector('[part="remove-button"]');
      expect(textOf(reason)).to.equal(
        'You are the only admin. Make another member an admin first.',
      );
      expect(roleButton?.getAttribute('aria-disabled')).to.equal('true');
      expect(roleButton?.getAttribute('aria-describedby')).to.equal(reason?.id);
      expect(removeButton?.getAttribute('aria-disabled')).to.equal('true');
      expect(removeButton?.getAttribute('aria-describedby')).to.equal(reason?.id);

      (roleButton as HTMLButtonElement).click();
      await table.updateComplete;
      expect(openMenu(table)).to.equal(null);
      await expect(table).to.be.accessible();
    });

    it('rolls back a demotion the server rejects', async () => {
      const data = await seedWithData();
      const viewer = await createClient(data.seeded).getWorkspace();
      const self = find(data.members, (member) => member.id === viewer.viewer.memberId, 'viewer');
      const other = find(
        data.members,
        (member) => member.role === 'admin' && member.id !== self.id,
        'second admin',
      );
      const { table } = await renderReady(data.seeded);
      const errors = collectEvents(table, 'ls-error');
      await expandDetails(table, self.id);
      // Someone else demotes the other admin after the table loaded, so the table still
      // offers the viewer's own demotion and the server rejects it.
      await createClient(data.seeded).updateMember(
        other.id,
        { role: 'member' },
        { version: other.version },
      );

      const menu = await openMenuFrom(table, roleButton(table, self.id));
      menuItems(menu)
        .find((item) => textOf(item).startsWith('Member'))
        ?.click();
      await waitUntil(() => errors.length === 1, 'no ls-error event');
      await table.updateComplete;

      const error = errors[0]?.error;
      expect(isHttpError(error), 'an HttpError').to.equal(true);
      expect(isHttpError(error) ? error.code : null).to.equal('last_admin');
      expect(errors[0]?.action).to.equal('change-role');
      expect(textOf(rowOf(table, self.id).cells[1] ?? null)).to.equal('Admin');
      expect(textOf(rowError(table)?.querySelector('span') ?? null)).to.equal(
        `Could not make ${self.name} a member. A workspace keeps at least one admin. ` +
          'Make another member an admin first.',
      );
      expect(rowError(table)?.getAttribute('role')).to.equal('alert');
      await expect(table).to.be.accessible();
    });
  });

  describe('permissions', () => {
    function permissionBoxes(details: HTMLElement): HTMLInputElement[] {
      return [...details.querySelectorAll<HTMLInputElement>('input[name="permission"]')];
    }

    it('saves advanced permissions where the plan offers them', async () => {
      const data = await seedWithData();
      const catalog = await createClient(data.seeded).getPermissionCatalog();
      const { store, table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.status === 'active' && candidate.permissions.length === 0,
        'member without permissions',
      );
      const events = collectEvents(table, 'ls-role-changed');

      expect(catalog.available).to.equal(true);
      const details = await expandDetails(table, member.id);
      await waitUntil(() => store.state.permissions !== null, 'the catalog did not load');
      await table.updateComplete;
      const boxes = permissionBoxes(details);
      expect(boxes.map((box) => box.value)).to.deep.equal(catalog.permissions.map((p) => p.id));

      boxes[0]?.click();
      details.querySelector<HTMLButtonElement>('[part="save-permissions-button"]')?.click();
      await waitUntil(() => events.length === 1, 'no ls-role-changed event');

      const saved = await serverMember(data.seeded, member.id);
      expect(saved.permissions).to.deep.equal([boxes[0]?.value]);
      expect(events[0]?.member.permissions).to.deep.equal([boxes[0]?.value]);
      expect(events[0]?.previous.permissions).to.deep.equal([]);
      expect(announcement(table)).to.equal(`Saved the permissions of ${member.name}`);
      await expect(table).to.be.accessible();
    });

    it('shows a version conflict and rolls back', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.status === 'active' && candidate.role === 'member',
        'active member',
      );
      const details = await expandDetails(table, member.id);
      await waitUntil(() => store.state.permissions !== null, 'the catalog did not load');
      await table.updateComplete;
      await createClient(data.seeded).updateMember(
        member.id,
        { role: 'admin' },
        { version: member.version },
      );

      const box = permissionBoxes(details)[0];
      box?.click();
      details.querySelector<HTMLButtonElement>('[part="save-permissions-button"]')?.click();
      await waitUntil(() => rowError(table) !== null, 'no row error');
      await table.updateComplete;

      expect(textOf(rowError(table))).to.contain('Someone else changed this member meanwhile.');
      expect(box?.checked).to.equal(false);
      expect((await serverMember(data.seeded, member.id)).permissions).to.deep.equal([]);
    });

    it('explains a plan without advanced permissions', async () => {
      const seeded = await seedWorkspace();
      const client = createClient(seeded);
      // NOTE: every seeded workspace has the enterprise plan, which offers advanced
      // permissions, so this client reports the real catalog as the team plan's.
      const getCatalog = client.getPermissionCatalog.bind(client);
      client.getPermissionCatalog = async () => ({
        ...(await getCatalog()),
        available: false,
        plan: 'team',
      });
      const store = new WorkspaceStore(client);
      const table = await fixture<LsMembersTable>(
        html`<ls-members-table .store=${store}></ls-members-table>`,
      );
      await untilRows(table);
      await waitUntil(() => store.state.workspace !== null, 'the workspace did not load');
      const memberId = rowIds(table)[1] ?? '';

      const details = await expandDetails(table, memberId);
      await waitUntil(() => store.state.permissions !== null, 'the catalog did not load');
      await table.updateComplete;

      expect(details.querySelector('input[name="permission"]')).to.equal(null);
      expect(textOf(details.querySelector('[part="permissions-unavailable"]'))).to.equal(
        'Advanced permissions are not part of the team plan.',
      );
    });
  });

  describe('removing', () => {
    it('removes a member after confirmation', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.status === 'active' && candidate.role === 'member',
        'active member',
      );
      const events = collectEvents(table, 'ls-member-removed');
      const details = await expandDetails(table, member.id);

      details.querySelector<HTMLButtonElement>('[part="remove-button"]')?.click();
      await answerConfirm(table, true);
      await waitUntil(() => events.length === 1, 'no ls-member-removed event');
      await table.updateComplete;

      expect(events[0]?.member).to.deep.equal(member);
      expect(rowIds(table)).to.not.include(member.id);
      expect(announcement(table)).to.equal(`Removed ${member.name}`);
      expect(await focusedPart(table)).to.equal('disclosure-button');
      const page = await createClient(data.seeded).listMembers({ limit: 100 });
      expect(page.items.map((candidate) => candidate.id)).to.not.include(member.id);
    });

    it('lists a removed member again after re-inviting', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.status === 'active' && candidate.role === 'member',
        'active member',
      );
      const details = await expandDetails(table, member.id);
      details.querySelector<HTMLButtonElement>('[part="remove-button"]')?.click();
      await answerConfirm(table, true);
      await waitUntil(() => !rowIds(table).includes(member.id), 'the row stayed');

      const invited = await createClient(data.seeded).invite({
        name: member.name,
        email: member.email,
      });
      await store.refresh();
      await table.updateComplete;

      expect(invited.status).to.equal('invited');
      expect(rowIds(table)).to.include(invited.id);
      expect(textOf(rowOf(table, invited.id).querySelector('[part~="status-badge"]'))).to.equal(
        'Invitation pending',
      );
    });

    it('keeps the member when removing is cancelled with Escape', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.status === 'active' && candidate.role === 'member',
        'active member',
      );
      const details = await expandDetails(table, member.id);
      const remove = details.querySelector<HTMLButtonElement>('[part="remove-button"]');
      remove?.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => confirmDialogOf(table).open, 'the dialog did not open');
      await expect(table).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !confirmDialogOf(table).open, 'the dialog stayed open');

      expect(rowIds(table)).to.include(member.id);
      expect(table.shadowRoot?.activeElement).to.equal(remove);
    });

    it('shows a failed removal next to the row', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.status === 'active' && candidate.role === 'member',
        'active member',
      );
      const errors = collectEvents(table, 'ls-error');
      const details = await expandDetails(table, member.id);
      await injectFault(data.seeded, {
        path: `${membersPath(data.seeded)}/${member.id}`,
        method: 'DELETE',
        status: 500,
      });

      details.querySelector<HTMLButtonElement>('[part="remove-button"]')?.click();
      await answerConfirm(table, true);
      await waitUntil(() => errors.length === 1, 'no ls-error event');
      await table.updateComplete;

      expect(errors[0]?.action).to.equal('remove-member');
      expect(rowIds(table)).to.include(member.id);
      expect(textOf(rowError(table))).to.contain(`Could not remove ${member.name}.`);
      expect(textOf(rowError(table))).to.contain('injected a 500');
      expect(rowError(table)?.closest('tr')?.previousElementSibling).to.equal(
        rowOf(table, member.id),
      );
    });
  });

  describe('licenses', () => {
    function unlicensedActive(data: SeededData): Member {
      return find(
        data.members,
        (member) => member.licenseId === null && member.status === 'active',
        'active member without a license',
      );
    }

    it('assigns a license from the menu', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = unlicensedActive(data);
      const pool = data.pools.find((candidate) => candidate.used < candidate.seats);
      if (pool === undefined) throw new Error('The seeded workspace has no free seat.');
      const events = collectEvents(table, 'ls-license-assigned');

      const menu = await openMenuFrom(table, inRow(table, member.id, '[part="assign-button"]'));
      menu.querySelector<HTMLElement>(`[data-pool-id="${pool.id}"]`)?.click();
      await waitUntil(() => events.length === 1, 'no ls-license-assigned event');
      await table.updateComplete;

      expect(events[0]?.member.licenseId).to.equal(pool.id);
      expect(events[0]?.previousLicenseId).to.equal(null);
      expect(textOf(rowOf(table, member.id).querySelector('[part~="license-badge"]'))).to.contain(
        pool.name,
      );
      expect(announcement(table)).to.equal(`Assigned a ${pool.name} license to ${member.name}`);
      expect(await focusedPart(table)).to.equal('license-button');
      expect((await serverMember(data.seeded, member.id)).licenseId).to.equal(pool.id);
    });

    it('moves a license to another pool', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const target = data.pools.find((candidate) => candidate.used < candidate.seats);
      if (target === undefined) throw new Error('The seeded workspace has no free seat.');
      const member = find(
        data.members,
        (candidate) => candidate.licenseId !== null && candidate.licenseId !== target.id,
        'member in another pool',
      );
      const events = collectEvents(table, 'ls-license-assigned');

      const menu = await openMenuFrom(table, inRow(table, member.id, '[part="license-button"]'));
      const current = menu.querySelector(`[data-pool-id="${member.licenseId}"]`);
      expect(current?.getAttribute('aria-checked')).to.equal('true');
      menu.querySelector<HTMLElement>(`[data-pool-id="${target.id}"]`)?.click();
      await waitUntil(() => events.length === 1, 'no ls-license-assigned event');

      expect(events[0]?.member.licenseId).to.equal(target.id);
      expect(events[0]?.previousLicenseId).to.equal(member.licenseId);
      expect(announcement(table)).to.equal(`Moved ${member.name} to a ${target.name} license`);
    });

    it('unassigns a license with the badge button', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.licenseId !== null, 'licensed');
      const events = collectEvents(table, 'ls-license-unassigned');

      inRow(table, member.id, '[part="unassign-button"]').click();
      await waitUntil(() => events.length === 1, 'no ls-license-unassigned event');

      expect(events[0]?.member.licenseId).to.equal(null);
      expect(events[0]?.licenseId).to.equal(member.licenseId);
      expect(announcement(table)).to.match(new RegExp(`^Unassigned the .+ license of `));
    });

    it('offers full and expired pools disabled', async () => {
      const data = await seedWithData();
      const client = createClient(data.seeded);
      const unlicensed = data.members.filter((member) => member.licenseId === null);
      const pool = data.pools.find((candidate) => candidate.used < candidate.seats);
      if (pool === undefined) throw new Error('The seeded workspace has no free seat.');
      // Fill the pool up to its last seat through the API.
      for (const member of unlicensed.slice(0, pool.seats - pool.used)) {
        await client.assignLicense(member.id, pool.id);
      }
      const { store, table } = await renderReady(data.seeded);
      const member = find(
        store.state.members.items as Member[],
        (candidate) => candidate.licenseId === null,
        'member still without a license',
      );
      const assigned = collectEvents(table, 'ls-license-assigned');

      const menu = await openMenuFrom(table, inRow(table, member.id, '[part="assign-button"]'));
      const full = menu.querySelector<HTMLElement>(`[data-pool-id="${pool.id}"]`);
      expect(full?.getAttribute('aria-disabled')).to.equal('true');
      expect(textOf(full)).to.contain('no seats left');
      await expect(table).to.be.accessible();

      full?.click();
      await nextFrame();
      expect(openMenu(table)).to.not.equal(null);
      expect(assigned.length).to.equal(0);
      expect(store.state.pendingMemberIds.has(member.id)).to.equal(false);
    });

    it('shows the busy state while assigning', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = unlicensedActive(data);
      const pool = data.pools.find((candidate) => candidate.used < candidate.seats);
      if (pool === undefined) throw new Error('The seeded workspace has no free seat.');
      await injectFault(data.seeded, { path: '/license', method: 'PUT', delayMs: 800 });

      const trigger = inRow(table, member.id, '[part="assign-button"]');
      const menu = await openMenuFrom(table, trigger);
      menu.querySelector<HTMLElement>(`[data-pool-id="${pool.id}"]`)?.click();
      await table.updateComplete;

      expect(trigger.getAttribute('aria-busy')).to.equal('true');
      expect(trigger.getAttribute('aria-disabled')).to.equal('true');
      expect(trigger.querySelector('.spinner')).to.not.equal(null);
      await expect(table).to.be.accessible();
      await waitUntil(
        () => rowOf(table, member.id).querySelector('[part~="license-badge"]') !== null,
        'the license did not arrive',
      );
    });

    it('shows a failed assignment next to the row', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = unlicensedActive(data);
      const pool = data.pools.find((candidate) => candidate.used < candidate.seats);
      if (pool === undefined) throw new Error('The seeded workspace has no free seat.');
      const errors = collectEvents(table, 'ls-error');
      await injectFault(data.seeded, { path: '/license', method: 'PUT', status: 503 });

      const menu = await openMenuFrom(table, inRow(table, member.id, '[part="assign-button"]'));
      menu.querySelector<HTMLElement>(`[data-pool-id="${pool.id}"]`)?.click();
      await waitUntil(() => errors.length === 1, 'no ls-error event');
      await table.updateComplete;

      expect(errors[0]?.action).to.equal('assign-license');
      expect(textOf(rowError(table))).to.contain(`Could not assign a ${pool.name} license`);
      expect(textOf(rowOf(table, member.id).cells[3] ?? null)).to.equal('No license');
      await expect(table).to.be.accessible();
    });
  });

  describe('menu keyboard', () => {
    it('opens with ArrowDown and moves with arrows, Home and End', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.licenseId === null, 'unlicensed');
      const trigger = inRow(table, member.id, '[part="assign-button"]');
      trigger.focus();

      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => openMenu(table) !== null, 'the menu did not open');
      const items = menuItems(openMenu(table) as HTMLElement);
      const active = () => table.shadowRoot?.activeElement;

      expect(trigger.getAttribute('aria-expanded')).to.equal('true');
      expect(active()).to.equal(items[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(active()).to.equal(items[1]);
      await sendKeys({ press: 'ArrowDown' });
      expect(active()).to.equal(items[0]);
      await sendKeys({ press: 'ArrowUp' });
      expect(active()).to.equal(items[items.length - 1]);
      await sendKeys({ press: 'Home' });
      expect(active()).to.equal(items[0]);
      await sendKeys({ press: 'End' });
      expect(active()).to.equal(items[items.length - 1]);
    });

    it('closes with Escape and focuses the trigger', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.licenseId === null, 'unlicensed');
      const trigger = inRow(table, member.id, '[part="assign-button"]');
      trigger.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => openMenu(table) !== null, 'the menu did not open');
      await sendKeys({ press: 'Escape' });
      await table.updateComplete;

      expect(openMenu(table)).to.equal(null);
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(table.shadowRoot?.activeElement).to.equal(trigger);
    });

    it('closes with Tab and moves focus on', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.licenseId === null, 'unlicensed');
      const trigger = inRow(table, member.id, '[part="assign-button"]');
      trigger.focus();

      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => openMenu(table) !== null, 'the menu did not open');
      await sendKeys({ press: 'Tab' });
      await table.updateComplete;

      expect(openMenu(table)).to.equal(null);
      // Focus went back to the trigger first, so Tab reached the next control after it.
      const rows = memberRows(table);
      const next = rows[rows.indexOf(rowOf(table, member.id)) + 1];
      expect(table.shadowRoot?.activeElement).to.equal(
        next?.querySelector('[part="disclosure-button"]'),
      );
    });

    it('opens the role menu on the checked role', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(
        data.members,
        (candidate) => candidate.role === 'member' && candidate.status === 'active',
        'active member',
      );
      await expandDetails(table, member.id);
      const trigger = detailsOf(table, member.id).querySelector<HTMLButtonElement>(
        '[part="role-button"]',
      );
      trigger?.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => openMenu(table) !== null, 'the menu did not open');

      const focused = table.shadowRoot?.activeElement;
      expect(focused?.getAttribute('aria-checked')).to.equal('true');
      expect(textOf(focused ?? null)).to.contain('Member');
      await expect(table).to.be.accessible();
    });

    it('closes on a click outside', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.licenseId === null, 'unlicensed');

      await openMenuFrom(table, inRow(table, member.id, '[part="assign-button"]'));
      part(table, 'total')?.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      await table.updateComplete;

      expect(openMenu(table)).to.equal(null);
    });
  });

  describe('menu position', () => {
    function gapBelow(trigger: HTMLElement, menu: HTMLElement): { x: number; y: number } {
      const triggerBox = trigger.getBoundingClientRect();
      const menuBox = menu.getBoundingClientRect();
      return { x: Math.abs(menuBox.left - triggerBox.left), y: menuBox.top - triggerBox.bottom };
    }

    async function renderInside(container: (table: unknown) => unknown) {
      const seeded = await seedWorkspace();
      const store = createStore(seeded);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>${container(html`<ls-members-table .store=${store}></ls-members-table>`)}</div>`,
      );
      const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
      await waitUntil(() => store.state.licenses !== null, 'licenses did not load');
      await untilRows(table);
      await table.updateComplete;
      const row = memberRows(table).find((candidate) =>
        candidate.querySelector('[part="assign-button"]'),
      );
      const trigger = row?.querySelector<HTMLElement>('[part="assign-button"]');
      if (trigger === null || trigger === undefined) throw new Error('No assign button.');
      return { wrapper, table, trigger };
    }

    it('stays next to its trigger in a transformed container', async () => {
      const { table, trigger } = await renderInside(
        (content) =>
          html`<div style="transform: translate(37px, 23px) scale(0.9); width: 900px">
            ${content}
          </div>`,
      );
      trigger.scrollIntoView({ block: 'center' });

      const menu = await openMenuFrom(table, trigger);
      const gap = gapBelow(trigger, menu);

      expect(gap.x).to.be.at.most(2);
      expect(gap.y).to.be.within(0, 2);
    });

    it('follows its trigger when a container scrolls', async () => {
      const { wrapper, table, trigger } = await renderInside(
        (content) =>
          html`<div class="scroll-box" style="height: 420px; overflow: auto; width: 900px">
            ${content}
          </div>`,
      );
      const box = wrapper.querySelector<HTMLElement>('.scroll-box') as HTMLElement;
      trigger.scrollIntoView({ block: 'start' });
      box.scrollTop = Math.max(0, box.scrollTop - 60);

      const menu = await openMenuFrom(table, trigger);
      const before = gapBelow(trigger, menu);
      const triggerTop = trigger.getBoundingClientRect().top;
      box.scrollTop -= 40;
      await nextFrame();
      await nextFrame();
      await nextFrame();
      const after = gapBelow(trigger, menu);

      expect(trigger.getBoundingClientRect().top, 'the trigger moved').to.not.equal(triggerTop);
      expect(before.x).to.be.at.most(2);
      expect(before.y).to.be.within(0, 2);
      expect(after.x).to.be.at.most(2);
      expect(after.y).to.be.within(0, 2);
    });
  });

  describe('read-only view', () => {
    it('expands details without admin controls', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded, data.seeded.memberToken);
      const invited = find(data.members, isInvitation, 'invitation');
      const member = find(data.members, (candidate) => candidate.status === 'active', 'active');

      const details = await expandDetails(table, member.id);

      expect(textOf(details)).to.contain(member.email);
      expect(details.querySelector('[part="role-button"]')).to.equal(null);
      expect(details.querySelector('[part="remove-button"]')).to.equal(null);
      expect(details.querySelector('[part="permissions"]')).to.equal(null);
      expect(part(table, 'assign-button')).to.equal(null);
      expect(part(table, 'license-button')).to.equal(null);
      expect(rowOf(table, invited.id).querySelector('[part="resend-button"]')).to.equal(null);
      expect(rowOf(table, invited.id).querySelector('[part="revoke-button"]')).to.equal(null);
      await expect(table).to.be.accessible();
    });
  });

  describe('accessibility of states', () => {
    it('passes axe with details expanded', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.legacyKey !== null, 'key');
      await expandDetails(table, member.id);
      await waitUntil(() => store.state.permissions !== null, 'the catalog did not load');
      await table.updateComplete;

      await expect(table).to.be.accessible();
    });

    it('passes axe with a license menu open', async () => {
      const data = await seedWithData();
      const { table } = await renderReady(data.seeded);
      const member = find(data.members, (candidate) => candidate.licenseId !== null, 'licensed');

      await openMenuFrom(table, inRow(table, member.id, '[part="license-button"]'));

      await expect(table).to.be.accessible();
    });

    it('passes axe in the dark scheme with details', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);
      const invited = find(data.members, isInvitation, 'invitation');
      table.style.colorScheme = 'dark';

      await expandDetails(table, invited.id);
      await waitUntil(() => store.state.permissions !== null, 'the catalog did not load');
      await table.updateComplete;

      expect(getComputedStyle(table).colorScheme).to.equal('dark');
      await expect(table).to.be.accessible();
    });

    it('passes axe with a filtered empty list', async () => {
      const data = await seedWithData();
      const { store, table } = await renderReady(data.seeded);

      part<HTMLInputElement>(table, 'search-input')?.focus();
      await sendKeys({ type: 'nobody-matches-this' });
      await waitUntil(
        () => part(table, 'empty') !== null && !store.state.members.loading,
        'no empty',
      );

      await expect(table).to.be.accessible();
    });
  });
});
