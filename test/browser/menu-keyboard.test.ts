import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';

import '../../src/define.js';
import { WorkspaceStore, type Member, type WorkspaceClient } from '../../sdk/index.js';
import type { LsMembersTable } from '../../src/index.js';
import { withExpiredPool } from './support/client-overrides.js';
import { labelOf } from './support/element-label.js';
import { deepActiveElement, textOf } from './support/shadow-queries.js';
import { expandDetails, inRow, menuItems, openMenu } from './support/table-actions.js';
import { untilRows } from './support/table-queries.js';
import { createClient, createStore, seedWorkspace } from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

/** A seeded pool that the tests report as expired, so that its menu item is disabled. */
const EXPIRED_POOL = 'lic_team';

interface Rendered {
  store: WorkspaceStore;
  table: LsMembersTable;
  members: Member[];
}

interface RenderOptions {
  /** Builds the markup around the table. */
  wrap?: (table: TemplateResult) => TemplateResult;
  /** Changes the client that the table's store uses. */
  client?: (client: WorkspaceClient) => WorkspaceClient;
}

/**
 * Seeds a workspace and renders a table. Returns the table with the seeded members as the API
 * lists them.
 */
async function renderTable(options: RenderOptions = {}): Promise<Rendered> {
  const { wrap = (table) => table, client = (plain) => plain } = options;
  const seeded = await seedWorkspace();
  const page = await createClient(seeded).listMembers({ limit: 100 });
  const store = new WorkspaceStore(client(createClient(seeded)));
  const host = await fixture<HTMLElement>(
    html`<div>${wrap(html`<ls-members-table .store=${store}></ls-members-table>`)}</div>`,
  );
  const table = host.querySelector('ls-members-table') as LsMembersTable;
  await waitUntil(
    () => store.state.licenses !== null && store.state.workspace !== null,
    'the workspace or the licenses did not load',
  );
  await untilRows(table);
  await table.updateComplete;
  return { store, table, members: [...page.items] };
}

function find(members: Member[], predicate: (member: Member) => boolean, what: string): Member {
  const member = members.find(predicate);
  if (member === undefined) throw new Error(`The seeded workspace has no ${what}.`);
  return member;
}

/** Focuses the "No license" button of the first member without a license. */
function focusAssignButton(table: LsMembersTable, members: Member[]) {
  const member = find(members, (candidate) => candidate.licenseId === null, 'unlicensed');
  const trigger = inRow(table, member.id, '[part="assign-button"]');
  trigger.focus();
  return { member, trigger };
}

function focusedIn(table: LsMembersTable): Element | null {
  return table.shadowRoot?.activeElement ?? null;
}

/** Returns the label of the element focused in the table's shadow root. */
function focusedLabel(table: LsMembersTable): string {
  return labelOf(focusedIn(table));
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

async function untilMenuOpen(table: LsMembersTable): Promise<HTMLElement[]> {
  await waitUntil(() => openMenu(table) !== null, 'the menu did not open');
  return menuItems(openMenu(table) as HTMLElement);
}

async function untilMenuClosed(table: LsMembersTable): Promise<void> {
  await waitUntil(() => openMenu(table) === null, 'the menu did not close');
  await table.updateComplete;
}

describe('menu keyboard', () => {
  describe('license menu', () => {
    it('walks items with arrows, Home and End', async () => {
      const { table, members } = await renderTable();
      focusAssignButton(table, members);

      await press('ArrowDown');
      const items = await untilMenuOpen(table);
      const visited = [items.indexOf(focusedIn(table) as HTMLElement)];
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'End', 'Home', 'ArrowUp']) {
        await press(key);
        visited.push(items.indexOf(focusedIn(table) as HTMLElement));
      }

      const last = items.length - 1;
      expect(items.length, 'pool items').to.be.at.least(2);
      expect(visited).to.deep.equal([0, 1, 2 % items.length, 1, last, 0, last]);
    });

    it('opens on the last item with ArrowUp', async () => {
      const { table, members } = await renderTable();
      focusAssignButton(table, members);

      await press('ArrowUp');
      const items = await untilMenuOpen(table);

      expect(focusedLabel(table)).to.equal(labelOf(items[items.length - 1]));
    });

    it('opens on the held pool with Space', async () => {
      const { table, members } = await renderTable();
      const member = find(members, (candidate) => candidate.licenseId !== null, 'licensed');
      inRow(table, member.id, '[part="license-button"]').focus();

      await press('Space');
      await untilMenuOpen(table);

      expect(focusedIn(table)?.getAttribute('aria-checked')).to.equal('true');
      expect(focusedIn(table)?.getAttribute('data-pool-id')).to.equal(member.licenseId);
    });

    it('closes with Escape onto its trigger', async () => {
      const { table, members } = await renderTable();
      const { trigger } = focusAssignButton(table, members);

      await press('Enter');
      await untilMenuOpen(table);
      await press('ArrowDown');
      await press('Escape');
      await untilMenuClosed(table);

      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(labelOf(document.activeElement), 'focus on the page').to.equal(labelOf(table));
      expect(focusedLabel(table), 'focus in the shadow root').to.equal(labelOf(trigger));
    });

    it('keeps Escape from the host page', async () => {
      const { table, members } = await renderTable();
      const member = find(members, (candidate) => candidate.licenseId === null, 'unlicensed');
      const trigger = inRow(table, member.id, '[part="assign-button"]');
      const escapes: KeyboardEvent[] = [];
      const listener = (event: KeyboardEvent) => {
        if (event.key === 'Escape') escapes.push(event);
      };
      document.addEventListener('keydown', listener);
      trigger.focus();

      try {
        await press('Enter');
        await untilMenuOpen(table);
        await press('Escape');
        await untilMenuClosed(table);
        await press('Escape');
      } finally {
        document.removeEventListener('keydown', listener);
      }

      // The second Escape, with the menu closed, is the page's to handle.
      expect(escapes.length).to.equal(1);
      expect(focusedLabel(table)).to.equal(labelOf(trigger));
    });

    it('assigns the focused pool with Enter', async () => {
      const { store, table, members } = await renderTable();
      const { member } = focusAssignButton(table, members);

      await press('Enter');
      const items = await untilMenuOpen(table);
      const free = items.findIndex((item) => item.getAttribute('aria-disabled') === 'false');
      for (let step = 0; step < free; step++) await press('ArrowDown');
      const poolId = focusedIn(table)?.getAttribute('data-pool-id');
      await press('Enter');
      await untilMenuClosed(table);
      await waitUntil(
        () => store.state.members.items.find((item) => item.id === member.id)?.licenseId === poolId,
        'the license was not assigned',
      );
      await waitUntil(
        () => focusedIn(table)?.matches('[part~="license-button"]'),
        'focus did not reach the license button',
      );

      expect(free, 'a pool with a free seat').to.be.at.least(0);
      expect(focusedIn(table)?.closest('tr')?.dataset.memberId).to.equal(member.id);
    });

    it('ignores Enter on a disabled pool', async () => {
      const { store, table, members } = await renderTable({
        client: (plain) => withExpiredPool(plain, EXPIRED_POOL),
      });
      const { member } = focusAssignButton(table, members);

      await press('Enter');
      const items = await untilMenuOpen(table);
      const disabled = items.findIndex((item) => item.getAttribute('aria-disabled') === 'true');
      for (let step = 0; step < disabled; step++) await press('ArrowDown');
      await press('Enter');
      await table.updateComplete;

      expect(items[disabled]?.getAttribute('data-pool-id')).to.equal(EXPIRED_POOL);
      expect(openMenu(table), 'the menu stays open').to.not.equal(null);
      expect(focusedLabel(table)).to.equal(labelOf(items[disabled]));
      expect(store.state.pendingMemberIds.has(member.id), 'no request').to.equal(false);
    });
  });

  describe('role menu', () => {
    it('walks roles and closes on Escape', async () => {
      const { table, members } = await renderTable();
      const member = find(
        members,
        (candidate) => candidate.role === 'member' && candidate.status === 'active',
        'active member',
      );
      const details = await expandDetails(table, member.id);
      const trigger = details.querySelector<HTMLElement>('[part="role-button"]') as HTMLElement;
      trigger.focus();

      await press('Enter');
      const items = await untilMenuOpen(table);
      const opened = focusedLabel(table);
      await press('ArrowUp');
      const moved = focusedLabel(table);
      await press('Escape');
      await untilMenuClosed(table);

      expect(opened).to.equal(labelOf(items[1]));
      expect(textOf(items[1] ?? null)).to.contain('Member');
      expect(moved).to.equal(labelOf(items[0]));
      expect(textOf(items[0] ?? null)).to.contain('Admin');
      expect(focusedLabel(table)).to.equal(labelOf(trigger));
      expect(textOf(trigger)).to.equal('Member');
    });
  });

  describe('inside other shadow roots and dialogs', () => {
    it('returns focus through nested shadow roots', async () => {
      const seeded = await seedWorkspace();
      const store = createStore(seeded);
      const workspace = await fixture<HTMLElement>(html`
        <ls-workspace .store=${store}><ls-users-licenses></ls-users-licenses></ls-workspace>
      `);
      const page = workspace.querySelector('ls-users-licenses');
      const table = page?.shadowRoot?.querySelector('ls-members-table') as LsMembersTable;
      await waitUntil(() => store.state.licenses !== null, 'the licenses did not load');
      await untilRows(table);
      await table.updateComplete;
      const trigger = table.shadowRoot?.querySelector<HTMLElement>('[part="assign-button"]');
      if (trigger === null || trigger === undefined) throw new Error('No assign button.');
      trigger.focus();

      await press('ArrowDown');
      await untilMenuOpen(table);
      await press('ArrowDown');
      await press('Escape');
      await untilMenuClosed(table);

      expect(labelOf(deepActiveElement())).to.equal(labelOf(trigger));
      expect(labelOf(page?.shadowRoot?.activeElement)).to.equal(labelOf(table));
    });

    it('leaves a host modal dialog open on Escape', async () => {
      const { table, members } = await renderTable({
        wrap: (content) => html`<dialog class="host-dialog">${content}</dialog>`,
      });
      const dialog = document.querySelector<HTMLDialogElement>('dialog.host-dialog');
      if (dialog === null) throw new Error('The host dialog is missing.');
      dialog.showModal();
      const { trigger } = focusAssignButton(table, members);

      try {
        await press('Enter');
        await untilMenuOpen(table);
        await press('Escape');
        await untilMenuClosed(table);

        expect(dialog.open, 'the host dialog is open').to.equal(true);
        expect(focusedLabel(table)).to.equal(labelOf(trigger));
      } finally {
        dialog.close();
      }
    });
  });
});
