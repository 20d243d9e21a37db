import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import type { ConfirmOptions } from '../src/index.js';
import { elementIn, textOf, untilShadow } from './support/shadow.js';

interface DialogArgs {
  heading: string;
  message: string;
  confirmLabel: string;
  tone: 'danger' | 'default';
}

const meta: Meta<DialogArgs> = {
  title: 'Elements/ls-confirm-dialog',
  component: 'ls-confirm-dialog',
  parameters: { lsAdmin: { workspace: false } },
  args: {
    heading: 'Remove Ada Lovelace?',
    message: 'Ada Lovelace loses access to the workspace, and her Enterprise seat is freed.',
    confirmLabel: 'Remove',
    tone: 'danger',
  },
  argTypes: {
    tone: { control: 'inline-radio', options: ['danger', 'default'] },
  },
  render: () => html`<ls-confirm-dialog></ls-confirm-dialog>`,
};
export default meta;

type Story = StoryObj<DialogArgs>;

/** The confirmation shown before a removal, opened by calling `confirm()`. */
export const Open: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = elementIn(canvasElement, 'ls-confirm-dialog');
    const options: ConfirmOptions = { ...args };
    void dialog.confirm(options);

    const heading = await untilShadow(dialog, 'dialog[open] [part="heading"]');
    await expect(textOf(heading)).toBe(args.heading);
    // Focus inside a shadow root shows as the host in document.activeElement.
    const cancel = await untilShadow(dialog, '[part="cancel-button"]');
    await expect(dialog.shadowRoot?.activeElement).toBe(cancel);
  },
};

/** Cancel resolves `confirm()` with `false` and closes the dialog. */
export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = elementIn(canvasElement, 'ls-confirm-dialog');
    const answer = dialog.confirm({ ...args });
    await userEvent.click(await untilShadow(dialog, 'dialog[open] [part="cancel-button"]'));
    await expect(await answer).toBe(false);
    await expect(dialog.shadowRoot?.querySelector('dialog[open]')).toBeNull();
  },
};

/** The neutral tone, in the dark color scheme. */
export const DefaultToneDark: Story = {
  args: { heading: 'Rotate your auth token?', confirmLabel: 'Rotate', tone: 'default' },
  globals: { colorScheme: 'dark' },
  play: async ({ canvasElement, args }) => {
    const dialog = elementIn(canvasElement, 'ls-confirm-dialog');
    void dialog.confirm({ ...args, message: 'Tools using the current token stop working.' });
    await expect(textOf(await untilShadow(dialog, 'dialog[open] [part="heading"]'))).toBe(
      args.heading,
    );
  },
};
