import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import {
  elementIn,
  eventually,
  expectRendered,
  inShadow,
  textOf,
  untilShadow,
} from './support/shadow.js';

const meta: Meta = {
  title: 'Elements/ls-auth-token',
  component: 'ls-auth-token',
  render: () => html`<ls-auth-token></ls-auth-token>`,
};
export default meta;

type Story = StoryObj;

/** The signed-in admin's token hint and dates. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const token = elementIn(canvasElement, 'ls-auth-token');
    await expectRendered(token);
    await expect(textOf(await untilShadow(token, '[part="hint"]'))).toMatch(/^lsat_…/);
  },
};

/** Rotates the token through the confirmation; the new value is shown once. */
export const Rotate: Story = {
  play: async ({ canvasElement }) => {
    const token = elementIn(canvasElement, 'ls-auth-token');
    await expectRendered(token);
    const hintBefore = textOf(await untilShadow(token, '[part="hint"]'));

    await userEvent.click(await untilShadow(token, '[part="rotate-button"]'));
    const dialog = await untilShadow(token, 'ls-confirm-dialog');
    await userEvent.click(await untilShadow(dialog, 'dialog[open] [part="confirm-button"]'));

    const input = await untilShadow<HTMLInputElement>(token, '[part="token-input"]');
    await expect(input.value).toMatch(/^lsat_/);
    await eventually(() => expect(textOf(inShadow(token, '[part="hint"]'))).not.toBe(hintBefore));
  },
};

/** A plain member sees their own token the same way. */
export const Member: Story = {
  parameters: { lsAdmin: { signInAs: 'member' } },
  play: async ({ canvasElement }) => {
    const token = elementIn(canvasElement, 'ls-auth-token');
    await expectRendered(token);
    await untilShadow(token, '[part="hint"]');
  },
};

/** The token request fails, and the element shows why. */
export const LoadFailed: Story = {
  parameters: { lsAdmin: { faults: { failNext: 1, failPath: '/me/auth-token' } } },
  play: async ({ canvasElement }) => {
    const token = elementIn(canvasElement, 'ls-auth-token');
    await expectRendered(token);
    await expect(textOf(await untilShadow(token, '[part="error"]'))).toContain('injected');
  },
};

/**
 * Rotates with a 1-day grace period: the old token keeps working as the previous token, shown
 * with its end and "Revoke now".
 */
export const RotateWithGracePeriod: Story = {
  play: async ({ canvasElement }) => {
    const token = elementIn(canvasElement, 'ls-auth-token');
    await expectRendered(token);
    const hintBefore = textOf(await untilShadow(token, '[part="hint"]'));

    const group = await untilShadow(token, '[part="grace-period"]');
    const oneDay = [...group.querySelectorAll('label')].find(
      (label) => textOf(label) === 'Keeps working for 1 day',
    );
    await expect(oneDay).toBeDefined();
    await userEvent.click(oneDay as HTMLLabelElement);
    await userEvent.click(await untilShadow(token, '[part="rotate-button"]'));
    const dialog = await untilShadow(token, 'ls-confirm-dialog');
    await userEvent.click(await untilShadow(dialog, 'dialog[open] [part="confirm-button"]'));

    await expect(textOf(await untilShadow(token, '[part="previous-hint"]'))).toBe(hintBefore);
    await expect(inShadow(token, '[part="revoke-previous-button"]')).not.toBeNull();
  },
};
