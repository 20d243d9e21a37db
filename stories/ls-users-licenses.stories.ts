import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import { emptyWorkspace, longNames, rightToLeftNames } from '../server/browser/scenarios.js';
import {
  elementIn,
  eventually,
  expectRendered,
  inShadow,
  textOf,
  untilShadow,
} from './support/shadow.js';

const meta: Meta = {
  title: 'Elements/ls-users-licenses',
  component: 'ls-users-licenses',
  render: () => html`<ls-users-licenses></ls-users-licenses>`,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

/** Waits until the page shows the workspace name, then returns its inner element. */
async function renderedPage(canvas: HTMLElement, workspaceName: string) {
  const page = elementIn(canvas, 'ls-users-licenses');
  await expectRendered(page);
  await eventually(() => expect(textOf(inShadow(page, '.subtitle'))).toContain(workspaceName));
  return page;
}

/** The whole page for the demo admin. */
export const Admin: Story = {
  play: async ({ canvasElement }) => {
    const page = await renderedPage(canvasElement, 'Acme Robotics');
    await expect(inShadow(page, 'ls-invite-form')).not.toBeNull();
  },
};

/** The page for a plain member: no invite form, a read-only table. */
export const Member: Story = {
  parameters: { lsAdmin: { signInAs: 'member' } },
  play: async ({ canvasElement }) => {
    const page = await renderedPage(canvasElement, 'read-only view');
    await expect(inShadow(page, 'ls-invite-form')).toBeNull();
  },
};

/** The admin's page in the dark color scheme. */
export const AdminDark: Story = {
  globals: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    await renderedPage(canvasElement, 'Acme Robotics');
  },
};

/** The admin's page at the 360 px phone width. */
export const AdminNarrow: Story = {
  globals: { viewport: { value: 'narrow', isRotated: false } },
  play: async ({ canvasElement }) => {
    await renderedPage(canvasElement, 'Acme Robotics');
  },
};

/** A new workspace: its admin is the only member and there are no license pools. */
export const EmptyWorkspace: Story = {
  parameters: { lsAdmin: { scenario: emptyWorkspace } },
  play: async ({ canvasElement }) => {
    const page = await renderedPage(canvasElement, 'Fresh Start');
    const licenses = await untilShadow(page, 'ls-licenses');
    await eventually(() =>
      expect(textOf(inShadow(licenses, '[part="base"]'))).toContain('no license pools'),
    );
  },
};

/** Long names of people, pools and the workspace. */
export const LongNames: Story = {
  parameters: { lsAdmin: { scenario: longNames } },
  play: async ({ canvasElement }) => {
    await renderedPage(canvasElement, 'Very Long Organisation Names');
  },
};

/** Arabic and Hebrew names with `dir="rtl"` on the page. */
export const RightToLeft: Story = {
  parameters: { lsAdmin: { scenario: rightToLeftNames, dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    const page = await renderedPage(canvasElement, 'شركة الأفق');
    await expect(getComputedStyle(page).direction).toBe('rtl');
  },
};

/** Every request waits 1.5 s, as on a slow connection, so the page fills in as responses arrive. */
export const SlowNetwork: Story = {
  parameters: { lsAdmin: { faults: { delayMs: 1500 } } },
  play: async ({ canvasElement }) => {
    const page = elementIn(canvasElement, 'ls-users-licenses');
    await expectRendered(page);
    const table = await untilShadow(page, 'ls-members-table');
    await expect(inShadow(table, '[part="table"]')).toHaveAttribute('aria-busy', 'true');
    await renderedPage(canvasElement, 'Acme Robotics');
  },
};

/**
 * Invites a person with an Enterprise license. The invitation takes a seat on the in-browser
 * server, and `<ls-licenses>` on the same page shows one more seat used.
 */
export const InviteWithLicense: Story = {
  play: async ({ canvasElement }) => {
    const page = await renderedPage(canvasElement, 'Acme Robotics');
    const form = await untilShadow(page, 'ls-invite-form');
    const licenses = await untilShadow(page, 'ls-licenses');
    const meter = await untilShadow(licenses, '[data-pool-id="lic_enterprise"] [part="meter"]');
    const usedBefore = Number(meter.getAttribute('aria-valuenow'));

    await userEvent.type(await untilShadow(form, '[part="name-input"]'), 'Katherine Johnson');
    await userEvent.type(
      await untilShadow(form, '[part="email-input"]'),
      'katherine.johnson@example.com',
    );
    await userEvent.click(await untilShadow(form, '[part="license-checkbox"]'));
    const select = await untilShadow<HTMLSelectElement>(form, '[part="pool-select"]');
    await userEvent.selectOptions(select, 'lic_enterprise');
    await userEvent.click(await untilShadow(form, '[part="submit-button"]'));

    await eventually(() =>
      expect(inShadow(licenses, '[data-pool-id="lic_enterprise"] [part="meter"]')).toHaveAttribute(
        'aria-valuenow',
        String(usedBefore + 1),
      ),
    );
    const table = await untilShadow(page, 'ls-members-table');
    await eventually(() => expect(textOf(inShadow(table, '[part="total"]'))).toBe('42 members'));
  },
};
