import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';

import '../../src/confirm-dialog/define.js';
import type { LsConfirmDialog } from '../../src/confirm-dialog/ls-confirm-dialog.js';

interface Rendered {
  opener: HTMLButtonElement;
  dialog: LsConfirmDialog;
}

/** Renders an opener button inside a shadow root, next to the dialog, and focuses it. */
async function renderWithOpener(): Promise<Rendered> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  const opener = document.createElement('button');
  opener.textContent = 'Remove';
  const dialog = document.createElement('ls-confirm-dialog');
  root.append(opener, dialog);
  await dialog.updateComplete;
  opener.focus();
  return { opener, dialog };
}

function part(dialog: LsConfirmDialog, name: string): HTMLElement {
  const element = dialog.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`);
  if (element === null || element === undefined) throw new Error(`No part "${name}".`);
  return element;
}

function nativeDialog(dialog: LsConfirmDialog): HTMLDialogElement {
  return part(dialog, 'dialog') as HTMLDialogElement;
}

const removeOptions = {
  heading: 'Remove Ada Lovelace?',
  message: 'Ada Lovelace loses access to the workspace.',
  confirmLabel: 'Remove',
  tone: 'danger',
} as const;

describe('<ls-confirm-dialog>', () => {
  describe('rendering', () => {
    it('stays closed until asked', async () => {
      const { dialog } = await renderWithOpener();

      expect(dialog.open).to.equal(false);
      expect(nativeDialog(dialog).open).to.equal(false);
    });

    it('shows heading, message and labels', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm(removeOptions);
      await dialog.updateComplete;

      expect(dialog.open).to.equal(true);
      expect(part(dialog, 'heading').textContent).to.equal(removeOptions.heading);
      expect(part(dialog, 'message').textContent).to.equal(removeOptions.message);
      expect(part(dialog, 'confirm-button').textContent?.trim()).to.equal('Remove');
      expect(part(dialog, 'cancel-button').textContent?.trim()).to.equal('Cancel');
    });

    it('wraps a long name at 360 px', async () => {
      await setViewport({ width: 360, height: 640 });
      try {
        const { dialog } = await renderWithOpener();
        const longName = 'W'.repeat(200);

        void dialog.confirm({
          ...removeOptions,
          heading: `Remove ${longName}?`,
          message: html`<bdi>${longName}</bdi> loses access to the workspace.`,
        });
        await dialog.updateComplete;
        const box = nativeDialog(dialog);

        expect(box.getBoundingClientRect().right).to.be.at.most(360);
        expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('renders a template message', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm({
        ...removeOptions,
        message: html`<bdi>Ada</bdi> loses access.`,
      });
      await dialog.updateComplete;

      expect(part(dialog, 'message').querySelector('bdi')?.textContent).to.equal('Ada');
    });

    it('renders markup in the heading as text', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm({ ...removeOptions, heading: '<img src=x onerror=alert(1)>' });
      await dialog.updateComplete;

      expect(part(dialog, 'heading').querySelector('img')).to.equal(null);
    });

    it('opens as a modal', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm(removeOptions);
      await dialog.updateComplete;

      expect(nativeDialog(dialog).matches(':modal')).to.equal(true);
    });
  });

  describe('results', () => {
    it('resolves true on confirm', async () => {
      const { dialog } = await renderWithOpener();

      const result = dialog.confirm(removeOptions);
      await dialog.updateComplete;
      part(dialog, 'confirm-button').click();

      expect(await result).to.equal(true);
      expect(dialog.open).to.equal(false);
    });

    it('resolves false on cancel', async () => {
      const { dialog } = await renderWithOpener();

      const result = dialog.confirm(removeOptions);
      await dialog.updateComplete;
      part(dialog, 'cancel-button').click();

      expect(await result).to.equal(false);
    });

    it('resolves false when replaced', async () => {
      const { dialog } = await renderWithOpener();

      const first = dialog.confirm(removeOptions);
      const second = dialog.confirm({ ...removeOptions, heading: 'Revoke?' });

      expect(await first).to.equal(false);
      await dialog.updateComplete;
      expect(dialog.open).to.equal(true);
      part(dialog, 'confirm-button').click();
      expect(await second).to.equal(true);
    });

    it('resolves false when disconnected', async () => {
      const { dialog } = await renderWithOpener();

      const result = dialog.confirm(removeOptions);
      await dialog.updateComplete;
      dialog.remove();

      expect(await result).to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('focuses Cancel when opened', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm(removeOptions);
      await dialog.updateComplete;

      expect(dialog.shadowRoot?.activeElement).to.equal(part(dialog, 'cancel-button'));
    });

    it('cancels on Escape', async () => {
      const { dialog } = await renderWithOpener();

      const result = dialog.confirm(removeOptions);
      await dialog.updateComplete;
      await sendKeys({ press: 'Escape' });

      expect(await result).to.equal(false);
      expect(dialog.open).to.equal(false);
    });

    it('returns focus to the opener', async () => {
      const { opener, dialog } = await renderWithOpener();

      const result = dialog.confirm(removeOptions);
      await dialog.updateComplete;
      await sendKeys({ press: 'Escape' });
      await result;

      expect((opener.getRootNode() as ShadowRoot).activeElement).to.equal(opener);
    });

    it('confirms with Tab and Enter', async () => {
      const { opener, dialog } = await renderWithOpener();

      const result = dialog.confirm(removeOptions);
      await dialog.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });

      expect(await result).to.equal(true);
      expect((opener.getRootNode() as ShadowRoot).activeElement).to.equal(opener);
    });
  });

  describe('events', () => {
    it('fires close on the native dialog', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm(removeOptions);
      await dialog.updateComplete;
      const closed = oneEvent(nativeDialog(dialog), 'close');
      part(dialog, 'cancel-button').click();

      expect((await closed).type).to.equal('close');
    });
  });

  describe('accessibility', () => {
    it('names the dialog by its heading', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm(removeOptions);
      await dialog.updateComplete;
      const native = nativeDialog(dialog);

      expect(native.getAttribute('role')).to.equal('alertdialog');
      expect(native.getAttribute('aria-labelledby')).to.equal('heading');
      expect(native.getAttribute('aria-describedby')).to.equal('message');
    });

    it('passes axe when open', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm(removeOptions);
      await dialog.updateComplete;

      await expect(dialog).to.be.accessible();
    });

    it('passes axe with the default tone', async () => {
      const { dialog } = await renderWithOpener();

      void dialog.confirm({ ...removeOptions, tone: 'default' });
      await dialog.updateComplete;

      await expect(dialog).to.be.accessible();
    });
  });
});
