import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import { allSeatsTaken, expiredPool } from '../server/browser/scenarios.js';
import {
  elementIn,
  eventually,
  expectRendered,
  inShadow,
  textOf,
  untilShadow,
} from './support/shadow.js';

const meta: Meta = {
  title: 'Elements/ls-invite-form',
  component: 'ls-invite-form',
  render: () => html`<ls-invite-form></ls-invite-form>`,
};
export default meta;

type Story = StoryObj;

/** The empty form for an admin. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');
    await expect(await untilShadow(form, '[part="submit-button"]')).toHaveTextContent(
      'Invite To Workspace',
    );
  },
};

/** Invites a person with a license; the form clears and announces the invitation. */
export const InviteWithLicense: Story = {
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');

    await userEvent.type(await untilShadow(form, '[part="name-input"]'), 'Katherine Johnson');
    await userEvent.type(
      await untilShadow(form, '[part="email-input"]'),
      'katherine.johnson@example.com',
    );
    await userEvent.click(await untilShadow(form, '[part="license-checkbox"]'));
    await userEvent.selectOptions(
      await untilShadow<HTMLSelectElement>(form, '[part="pool-select"]'),
      'lic_team',
    );
    await userEvent.click(await untilShadow(form, '[part="submit-button"]'));

    await eventually(() => expect(textOf(form.shadowRoot)).toContain('Invited Katherine Johnson'));
    await expect(inShadow<HTMLInputElement>(form, '[part="name-input"]')?.value).toBe('');
  },
};

/** Submitting the empty form shows a message next to each required field. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');
    await userEvent.click(await untilShadow(form, '[part="submit-button"]'));
    await eventually(() =>
      expect(form.shadowRoot?.querySelectorAll('[part="field-error"]').length).toBe(2),
    );
    await expect(inShadow(form, '[part="name-input"]')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** An email that already belongs to a member is rejected by the server, next to the field. */
export const AlreadyMember: Story = {
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');
    await userEvent.type(await untilShadow(form, '[part="name-input"]'), 'Grace Hopper');
    await userEvent.type(
      await untilShadow(form, '[part="email-input"]'),
      'grace.hopper@example.com',
    );
    await userEvent.click(await untilShadow(form, '[part="submit-button"]'));
    await eventually(() =>
      expect(textOf(inShadow(form, '[part="field-error"]'))).toContain('already a member'),
    );
  },
};

/** Every pool is full, so each is listed but disabled with the reason. */
export const AllSeatsTaken: Story = {
  parameters: { lsAdmin: { scenario: allSeatsTaken } },
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');
    await userEvent.click(await untilShadow(form, '[part="license-checkbox"]'));
    const select = await untilShadow<HTMLSelectElement>(form, '[part="pool-select"]');
    await eventually(() => expect(select.options.length).toBeGreaterThan(0));
    await expect([...select.options].filter((option) => !option.disabled)).toHaveLength(0);
  },
};

/** The Team pool expired, so it cannot be picked. */
export const ExpiredPool: Story = {
  parameters: { lsAdmin: { scenario: expiredPool } },
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');
    await userEvent.click(await untilShadow(form, '[part="license-checkbox"]'));
    const option = await untilShadow<HTMLOptionElement>(form, 'option[value="lic_team"]');
    await expect(option.disabled).toBe(true);
  },
};

/** A member sees a notice in place of the form. */
export const MemberNotice: Story = {
  parameters: { lsAdmin: { signInAs: 'member' } },
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    const notice = await untilShadow(form, '[part="notice"]');
    await expect(notice).toHaveTextContent('Only admins can invite people.');
  },
};

/** The invitation request fails once with a server error, and the form shows it in an alert. */
export const ServerError: Story = {
  parameters: {
    lsAdmin: { faults: { failNext: 1, failPath: '/invitations', failMethod: 'POST' } },
  },
  play: async ({ canvasElement }) => {
    const form = elementIn(canvasElement, 'ls-invite-form');
    await expectRendered(form, '[part="form"]');
    await userEvent.type(await untilShadow(form, '[part="name-input"]'), 'Mae Jemison');
    await userEvent.type(
      await untilShadow(form, '[part="email-input"]'),
      'mae.jemison@example.com',
    );
    await userEvent.click(await untilShadow(form, '[part="submit-button"]'));
    const alert = await untilShadow(form, '[part="error"]');
    await expect(textOf(alert)).toContain('injected');
  },
};
