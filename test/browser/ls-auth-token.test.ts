import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/auth-token/define.js';
import '../../src/workspace/define.js';
import type { AuthToken, WorkspaceClient } from '../../sdk/index.js';
import type { LsAuthToken } from '../../src/auth-token/ls-auth-token.js';
import type { LsConfirmDialog } from '../../src/confirm-dialog/ls-confirm-dialog.js';
import type { LsAuthTokenRotatedEvent, LsErrorEvent } from '../../src/events/index.js';
import { formatDate } from '../../src/i18n/format.js';
import {
  deepActiveElement,
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

async function renderToken(seeded: SeededWorkspace, token = seeded.adminToken) {
  const element = await fixture<LsAuthToken>(
    html`<ls-auth-token .store=${createStore(seeded, token)}></ls-auth-token>`,
  );
  await untilShadow(element, '[part="hint"]');
  return element;
}

function dialogOf(element: LsAuthToken): LsConfirmDialog {
  const dialog = shadowQuery<LsConfirmDialog>(element, 'ls-confirm-dialog');
  if (dialog === null) throw new Error('<ls-auth-token> has no confirm dialog.');
  return dialog;
}

/** Presses Rotate and waits for the confirmation to open. */
async function openConfirmation(element: LsAuthToken): Promise<LsConfirmDialog> {
  partOf<HTMLButtonElement>(element, 'rotate-button').click();
  const dialog = dialogOf(element);
  await waitUntil(() => dialog.open, 'the confirmation did not open');
  await dialog.updateComplete;
  return dialog;
}

async function answer(dialog: LsConfirmDialog, button: 'confirm-button' | 'cancel-button') {
  partOf<HTMLButtonElement>(dialog, button).click();
  await waitUntil(() => !dialog.open, 'the confirmation did not close');
}

async function rotate(element: LsAuthToken): Promise<LsAuthTokenRotatedEvent> {
  const dialog = await openConfirmation(element);
  const rotated = oneEvent(element, 'ls-auth-token-rotated');
  await answer(dialog, 'confirm-button');
  const event = (await rotated) as unknown as LsAuthTokenRotatedEvent;
  await element.updateComplete;
  return event;
}

function tokenInput(element: LsAuthToken): HTMLInputElement {
  return partOf<HTMLInputElement>(element, 'token-input');
}

/** Replaces `navigator.clipboard.writeText` for one test and returns what it received. */
function stubClipboard(write: (text: string) => Promise<void>): { restore: () => void } {
  const clipboard = navigator.clipboard;
  const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
  Object.defineProperty(clipboard, 'writeText', { configurable: true, value: write });
  return {
    restore: () => {
      if (original === undefined) delete (clipboard as { writeText?: unknown }).writeText;
      else Object.defineProperty(clipboard, 'writeText', original);
    },
  };
}

describe('<ls-auth-token>', () => {
  let seeded: SeededWorkspace;
  let client: WorkspaceClient;
  let token: AuthToken;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    client = createClient(seeded);
    token = await client.getOwnAuthToken();
  });

  describe('rendering', () => {
    it('shows the masked token', async () => {
      const element = await renderToken(seeded);

      expect(textOf(partOf(element, 'hint'))).to.equal(token.hint);
    });

    it('shows created and last-used dates', async () => {
      const element = await renderToken(seeded);
      const values = shadowQueryAll(element, 'dd').map((value) => textOf(value));

      expect(values[1]).to.equal(formatDate(token.createdAt));
      expect(values[2]).to.equal(
        token.lastUsedAt === null ? 'Never' : formatDate(token.lastUsedAt),
      );
    });

    it('explains when the full token is shown', async () => {
      const element = await renderToken(seeded);

      expect(textOf(shadowQuery(element, '.once'))).to.equal(
        'The full token is shown once, after you rotate it.',
      );
      expect(shadowQueryAll(element, '[part="copy-button"]').length).to.equal(0);
    });
  });

  describe('rotation', () => {
    it('asks before rotating', async () => {
      const element = await renderToken(seeded);

      const dialog = await openConfirmation(element);

      expect(textOf(partOf(dialog, 'heading'))).to.equal('Rotate your auth token?');
      expect(textOf(partOf(dialog, 'message'))).to.contain('stop working');
      await answer(dialog, 'cancel-button');
    });

    it('keeps the token on cancel', async () => {
      const element = await renderToken(seeded);

      await answer(await openConfirmation(element), 'cancel-button');
      await element.updateComplete;

      expect((await client.getOwnAuthToken()).hint).to.equal(token.hint);
      expect(shadowQueryAll(element, '[part="new-token"]').length).to.equal(0);
    });

    it('shows the full new token once', async () => {
      const element = await renderToken(seeded);

      await rotate(element);
      const value = tokenInput(element).value;
      const stored = await client.getOwnAuthToken();

      expect(tokenInput(element).readOnly).to.equal(true);
      expect(stored.hint).to.not.equal(token.hint);
      expect(textOf(partOf(element, 'hint'))).to.equal(stored.hint);
      expect(textOf(partOf(element, 'new-token'))).to.contain("It won't be shown again.");
      expect(deepActiveElement()?.id).to.equal('new-token');
      // The masked hint is the full value's prefix and last four characters.
      const [prefix, suffix] = stored.hint.split('…');
      expect(value.startsWith(prefix ?? '?')).to.equal(true);
      expect(value.endsWith(suffix ?? '?')).to.equal(true);
      expect(value.length).to.be.greaterThan(stored.hint.length);
    });

    it('hides the full token on request', async () => {
      const element = await renderToken(seeded);

      await rotate(element);
      partOf<HTMLButtonElement>(element, 'hide-button').click();
      await element.updateComplete;

      expect(shadowQueryAll(element, '[part="new-token"]').length).to.equal(0);
      expect(shadowQueryAll(element, '.once').length).to.equal(1);
      expect(deepActiveElement()?.getAttribute('part')).to.equal('rotate-button');
    });

    it('works for members', async () => {
      const element = await renderToken(seeded, seeded.memberToken);

      await rotate(element);

      expect(tokenInput(element).value).to.not.equal('');
    });
  });

  describe('copy', () => {
    it('copies the full token', async () => {
      const element = await renderToken(seeded);
      await rotate(element);
      const written: string[] = [];
      const stub = stubClipboard(async (text) => {
        written.push(text);
      });

      try {
        partOf<HTMLButtonElement>(element, 'copy-button').click();
        await waitUntil(() => written.length === 1, 'nothing was copied');
        await element.updateComplete;
      } finally {
        stub.restore();
      }

      expect(written).to.deep.equal([tokenInput(element).value]);
      expect(textOf(shadowQuery(element, '#copy-result'))).to.equal('Copied to the clipboard.');
    });

    it('explains when the clipboard is unavailable', async () => {
      const element = await renderToken(seeded);
      await rotate(element);
      const stub = stubClipboard(() =>
        Promise.reject(new DOMException('Denied', 'NotAllowedError')),
      );

      try {
        partOf<HTMLButtonElement>(element, 'copy-button').click();
        await waitUntil(
          () => textOf(shadowQuery(element, '#copy-result')) !== '',
          'no fallback message',
        );
      } finally {
        stub.restore();
      }
      const input = tokenInput(element);

      expect(textOf(shadowQuery(element, '#copy-result'))).to.contain(
        'The clipboard is not available here.',
      );
      expect(input.selectionStart).to.equal(0);
      expect(input.selectionEnd).to.equal(input.value.length);
    });
  });

  describe('events', () => {
    it('fires ls-auth-token-rotated with the hint only', async () => {
      const element = await renderToken(seeded);

      const event = await rotate(element);
      const stored = await client.getOwnAuthToken();

      expect(event.hint).to.equal(stored.hint);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(JSON.stringify({ ...event })).to.not.contain(tokenInput(element).value);
    });

    it('fires ls-error when rotation fails', async () => {
      const element = await renderToken(seeded);
      await injectFault(seeded, { path: '/me/auth-token/rotate', status: 500 });

      const dialog = await openConfirmation(element);
      const failed = oneEvent(element, 'ls-error');
      await answer(dialog, 'confirm-button');
      const event = (await failed) as unknown as LsErrorEvent;

      expect(event.action).to.equal('rotate-auth-token');
    });
  });

  describe('errors', () => {
    it('keeps the old token when rotation fails', async () => {
      const element = await renderToken(seeded);
      await injectFault(seeded, { path: '/me/auth-token/rotate', status: 500 });

      const dialog = await openConfirmation(element);
      const failed = oneEvent(element, 'ls-error');
      await answer(dialog, 'confirm-button');
      await failed;
      await element.updateComplete;
      const alert = partOf(element, 'error');

      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain('Could not rotate your auth token.');
      expect(textOf(alert)).to.contain('Your current token still works.');
      expect(textOf(partOf(element, 'hint'))).to.equal(token.hint);
      expect(shadowQueryAll(element, '[part="new-token"]').length).to.equal(0);
    });

    it('offers Retry when loading fails', async () => {
      await injectFault(seeded, { path: '/me/auth-token', status: 500 });
      const element = await fixture<LsAuthToken>(
        html`<ls-auth-token .store=${createStore(seeded)}></ls-auth-token>`,
      );
      const alert = await untilShadow(element, '[part="error"]');

      expect(textOf(alert)).to.contain('Could not load your auth token.');
      expect(partOf<HTMLButtonElement>(element, 'rotate-button').disabled).to.equal(true);

      alert.querySelector('button')?.click();
      await untilShadow(element, '[part="hint"]');

      expect(textOf(partOf(element, 'hint'))).to.equal(token.hint);
    });
  });

  describe('accessibility', () => {
    it('passes axe when masked', async () => {
      const element = await renderToken(seeded);

      await expect(element).to.be.accessible();
    });

    it('passes axe with the confirmation open', async () => {
      const element = await renderToken(seeded);
      const dialog = await openConfirmation(element);

      await expect(element).to.be.accessible();
      await answer(dialog, 'cancel-button');
    });

    it('passes axe with the full token shown', async () => {
      const element = await renderToken(seeded);
      await rotate(element);

      await expect(element).to.be.accessible();
    });

    it('passes axe with an error', async () => {
      const element = await renderToken(seeded);
      await injectFault(seeded, { path: '/me/auth-token/rotate', status: 500 });
      const dialog = await openConfirmation(element);
      const failed = oneEvent(element, 'ls-error');
      await answer(dialog, 'confirm-button');
      await failed;
      await element.updateComplete;

      await expect(element).to.be.accessible();
    });
  });
});
