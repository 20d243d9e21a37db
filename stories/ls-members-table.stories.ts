import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import {
  LARGE_WORKSPACE_SIZE,
  largeWorkspace,
  longNames,
  pendingInvitations,
  rightToLeftNames,
} from '../server/browser/scenarios.js';
import type { LsMembersTable } from '../src/index.js';
import {
  elementIn,
  eventually,
  expectRendered,
  inShadow,
  textOf,
  untilShadow,
} from './support/shadow.js';

const meta: Meta = {
  title: 'Elements/ls-members-table',
  component: 'ls-members-table',
  render: () => html`<ls-members-table></ls-members-table>`,
};
export default meta;

type Story = StoryObj;

function rows(table: LsMembersTable): HTMLTableRowElement[] {
  return [...(table.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tr[part="row"]') ?? [])];
}

function rowNamed(table: LsMembersTable, name: string): HTMLTableRowElement {
  const row = rows(table).find((candidate) => textOf(candidate.querySelector('.name')) === name);
  if (row === undefined) throw new Error(`The table shows no row for ${name}.`);
  return row;
}

async function untilRows(table: LsMembersTable): Promise<void> {
  await eventually(() => expect(rows(table).length).toBeGreaterThan(0));
}

/** The demo workspace as its admin: 41 people, pending invitations and legacy keys. */
export const TypicalTeam: Story = {
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    await expect(textOf(inShadow(table, '[part="total"]'))).toBe('41 members');
  },
};

/** A member's read-only view: no license menus, no `×` on the badges. */
export const MemberReadOnly: Story = {
  parameters: { lsAdmin: { signInAs: 'member' } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    await expect(inShadow(table, '[part~="unassign-button"]')).toBeNull();
    await expect(inShadow(table, '[part~="license-badge"]')).not.toBeNull();
  },
};

/** Six pending invitations, one of them expired, two holding a seat. */
export const PendingInvitations: Story = {
  parameters: { lsAdmin: { scenario: pendingInvitations } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    const badges = table.shadowRoot?.querySelectorAll('[part~="status-badge"]') ?? [];
    const texts = [...badges].map((badge) => textOf(badge));
    await expect(texts.filter((text) => text.startsWith('Invitation pending'))).toHaveLength(5);
    await expect(texts.filter((text) => text.startsWith('Invitation expired'))).toHaveLength(1);
  },
};

/**
 * 2,000 members, paged by the server. The play function types a search and checks that the
 * rows update; `docs/storybook.md` gives the measured times.
 */
export const LargeWorkspace: Story = {
  parameters: { lsAdmin: { scenario: largeWorkspace } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    // English groups the digits, as "2,000 members".
    const total = new Intl.NumberFormat('en').format(LARGE_WORKSPACE_SIZE);
    await expect(textOf(inShadow(table, '[part="total"]'))).toBe(`${total} members`);

    const search = await untilShadow<HTMLInputElement>(table, '[part="search-input"]');
    await userEvent.type(search, 'Ada Lovelace 49');
    await eventually(() => expect(rows(table)).toHaveLength(1));
    await expect(textOf(rows(table)[0]?.querySelector('.name'))).toBe('Ada Lovelace 49');
  },
};

/** The first request for members fails; Retry loads them. */
export const LoadFailedThenRetry: Story = {
  parameters: { lsAdmin: { faults: { failNext: 1, failPath: '/members', failMethod: 'GET' } } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    const alert = await untilShadow(table, '[part="error"]');
    await expect(textOf(alert)).toContain('injected');

    await userEvent.click(await untilShadow(table, '[part="retry-button"]'));
    await untilRows(table);
    await expect(inShadow(table, '[part="error"]')).toBeNull();
  },
};

/** Every request for members fails, so the alert with Retry stays. */
export const LoadFailed: Story = {
  parameters: { lsAdmin: { faults: { failNext: 100, failPath: '/members', failMethod: 'GET' } } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    const alert = await untilShadow(table, '[part="error"]');
    await expect(textOf(alert)).toContain('injected');
    await expect(inShadow(table, '[part="retry-button"]')).toBeVisible();
  },
};

/** Every request waits an hour, so the skeleton rows stay. */
export const Loading: Story = {
  parameters: { lsAdmin: { faults: { delayMs: 60 * 60 * 1000 } } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await expect(inShadow(table, '[part="table"]')).toHaveAttribute('aria-busy', 'true');
    await expect(table.shadowRoot?.querySelectorAll('tr.skeleton-row').length).toBeGreaterThan(0);
  },
};

/** Unassigns Ada Lovelace's license with the `×`, then assigns it again from the menu. */
export const UnassignAndReassign: Story = {
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);

    const unassign = rowNamed(table, 'Ada Lovelace').querySelector('[part="unassign-button"]');
    await userEvent.click(unassign as HTMLElement);
    await eventually(() =>
      expect(
        rowNamed(table, 'Ada Lovelace').querySelector('[part="assign-button"]'),
      ).not.toBeNull(),
    );

    const assign = rowNamed(table, 'Ada Lovelace').querySelector('[part="assign-button"]');
    await userEvent.click(assign as HTMLElement);
    const item = await untilShadow(table, '[role="menu"] [data-pool-id="lic_enterprise"]');
    await userEvent.click(item);
    await eventually(() =>
      expect(textOf(rowNamed(table, 'Ada Lovelace').querySelector('[part="license-button"]'))).toBe(
        'Enterprise',
      ),
    );
  },
};

/** Removes Barbara Liskov through the confirmation dialog. */
export const RemoveMember: Story = {
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    const before = rows(table).length;

    const disclosure = rowNamed(table, 'Barbara Liskov').querySelector(
      '[part="disclosure-button"]',
    );
    await userEvent.click(disclosure as HTMLElement);
    await userEvent.click(await untilShadow(table, '[part="remove-button"]'));

    const dialog = await untilShadow(table, 'ls-confirm-dialog');
    const confirm = await untilShadow(dialog, 'dialog[open] [part="confirm-button"]');
    await expect(textOf(inShadow(dialog, '[part="heading"]'))).toContain('Barbara Liskov');
    await userEvent.click(confirm);

    await eventually(() => expect(rows(table)).toHaveLength(before - 1));
    await expect(
      rows(table).some((row) => textOf(row.querySelector('.name')) === 'Barbara Liskov'),
    ).toBe(false);
  },
};

/** Names and emails long enough to wrap, at the 360 px phone width. */
export const LongNamesNarrow: Story = {
  parameters: { lsAdmin: { scenario: longNames } },
  globals: { viewport: { value: 'narrow', isRotated: false } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    const names = rows(table).map((row) => textOf(row.querySelector('.name')));
    await expect(names.some((name) => name.includes('Konstantinopoulou'))).toBe(true);
  },
};

/** Arabic and Hebrew names in a right-to-left page. */
export const RightToLeft: Story = {
  parameters: { lsAdmin: { scenario: rightToLeftNames, dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    await expect(getComputedStyle(table).direction).toBe('rtl');
    await expect(rows(table).some((row) => textOf(row).includes('נועה כהן'))).toBe(true);
  },
};

/** The typical team in the dark color scheme. */
export const Dark: Story = {
  globals: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const table = elementIn(canvasElement, 'ls-members-table');
    await expectRendered(table);
    await untilRows(table);
    await expect(getComputedStyle(table).colorScheme).toBe('dark');
  },
};
