import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/auth-token/define.js';
import type { WorkspaceClient } from '../../sdk/index.js';
import type { LsAuthToken } from '../../src/auth-token/ls-auth-token.js';
import type { LsErrorEvent } from '../../src/events/index.js';
import { answer, openConfirmation, renderToken, rotate } from './support/auth-token-actions.js';
import {
  deepActiveElement,
  partOf,
  shadowQuery,
  shadowQueryAll,
  textOf,
} from './support/shadow-queries.js';
import { waitUntil } from './support/wait-until.js';
import {
  createClient,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function choices(element: LsAuthToken): HTMLInputElement[] {
  return shadowQueryAll<HTMLInputElement>(element, '[part="grace-period"] input[type="radio"]');
}

function labelOf(input: HTMLInputElement): string {
  return textOf(input.closest('label'));
}

async function choose(element: LsAuthToken, label: string): Promise<void> {
  const input = choices(element).find((each) => labelOf(each) === label);
  if (input === undefined) throw new Error(`No grace period choice "${label}".`);
  input.click();
  await element.updateComplete;
}

describe('<ls-auth-token> grace period', () => {
  let seeded: SeededWorkspace;
  let client: WorkspaceClient;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    client = createClient(seeded);
  });

  describe('choice', () => {
    it('offers four labelled choices', async () => {
      const element = await renderToken(seeded);
      const group = partOf(element, 'grace-period');

      expect(group.tagName).to.equal('FIELDSET');
      expect(textOf(group.querySelector('legend'))).to.equal('When you rotate, your current token');
      expect(choices(element).map(labelOf)).to.deep.equal([
        'Stops working at once',
        'Keeps working for 1 hour',
        'Keeps working for 1 day',
        'Keeps working for 7 days',
      ]);
      expect(choices(element).map((input) => input.checked)).to.deep.equal([
        true,
        false,
        false,
        false,
      ]);
    });

    it('moves with the arrow keys', async () => {
      const element = await renderToken(seeded);
      choices(element)[0]?.focus();

      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;

      expect(choices(element)[2]?.checked).to.equal(true);
      expect(labelOf(deepActiveElement() as HTMLInputElement)).to.equal('Keeps working for 1 day');
    });
  });

  describe('rotation', () => {
    it('revokes the old token at once by default', async () => {
      const element = await renderToken(seeded);
      const before = await client.getOwnAuthToken();

      const dialog = await openConfirmation(element);
      const message = textOf(dialog.shadowRoot?.querySelector('[part="message"]') ?? null);
      await answer(dialog, 'confirm-button');
      await waitUntil(() => shadowQuery(element, '[part="new-token"]') !== null, 'not rotated');
      const after = await client.getOwnAuthToken();

      expect(message).to.contain('stop working at once');
      expect(after.hint).to.not.equal(before.hint);
      expect(after.previous).to.equal(null);
      expect(shadowQuery(element, '[part="previous"]')).to.equal(null);
    });

    it('keeps the old token working for the chosen period', async () => {
      const element = await renderToken(seeded);
      const before = await client.getOwnAuthToken();
      await choose(element, 'Keeps working for 1 day');

      const dialog = await openConfirmation(element);
      const message = textOf(dialog.shadowRoot?.querySelector('[part="message"]') ?? null);
      const rotated = oneEvent(element, 'ls-auth-token-rotated');
      const started = Date.now();
      await answer(dialog, 'confirm-button');
      await rotated;
      await element.updateComplete;
      const after = await client.getOwnAuthToken();

      expect(message).to.contain('keep working until');
      expect(after.previous?.hint).to.equal(before.hint);
      const expiresAt = Date.parse(after.previous?.expiresAt ?? '');
      expect(expiresAt - started).to.be.within(DAY_MS - 60_000, DAY_MS + 60_000);
      expect(textOf(partOf(element, 'previous-hint'))).to.equal(before.hint);
      expect(textOf(partOf(element, 'previous'))).to.contain('keeps working until');
      expect(textOf(partOf(element, 'new-token'))).to.contain('keep working until');
    });

    it('warns that a second rotation stops the previous token', async () => {
      const element = await renderToken(seeded);
      await choose(element, 'Keeps working for 1 hour');
      await rotate(element);
      const previous = (await client.getOwnAuthToken()).previous;

      const dialog = await openConfirmation(element);
      const message = textOf(dialog.shadowRoot?.querySelector('[part="message"]') ?? null);
      await answer(dialog, 'cancel-button');

      expect(message).to.contain(`Your previous token ${previous?.hint} stops working at once`);
    });
  });

  describe('revoke now', () => {
    it('stops the previous token after a confirmation', async () => {
      const element = await renderToken(seeded);
      await choose(element, 'Keeps working for 7 days');
      await rotate(element);

      const dialog = await openConfirmation(element, 'revoke-previous-button');
      await answer(dialog, 'confirm-button');
      await waitUntil(() => shadowQuery(element, '[part="previous"]') === null, 'still shown');

      expect((await client.getOwnAuthToken()).previous).to.equal(null);
      expect(deepActiveElement()?.getAttribute('part')).to.equal('rotate-button');
    });

    it('keeps the previous token when cancelled', async () => {
      const element = await renderToken(seeded);
      await choose(element, 'Keeps working for 1 hour');
      await rotate(element);

      await answer(await openConfirmation(element, 'revoke-previous-button'), 'cancel-button');

      expect((await client.getOwnAuthToken()).previous).to.not.equal(null);
      expect(shadowQuery(element, '[part="previous"]')).to.not.equal(null);
    });

    it('shows the failure and keeps the line', async () => {
      const element = await renderToken(seeded);
      await choose(element, 'Keeps working for 1 hour');
      await rotate(element);
      await injectFault(seeded, { path: '/me/auth-token/previous', status: 500 });

      const dialog = await openConfirmation(element, 'revoke-previous-button');
      const failed = oneEvent(element, 'ls-error');
      await answer(dialog, 'confirm-button');
      const event = (await failed) as unknown as LsErrorEvent;
      await element.updateComplete;

      expect(event.action).to.equal('revoke-previous-auth-token');
      expect(textOf(partOf(element, 'previous').querySelector('[part="error"]'))).to.contain(
        'Could not revoke your previous token.',
      );
      expect(deepActiveElement()?.getAttribute('part')).to.equal('revoke-previous-button');
    });
  });

  describe('accessibility', () => {
    it('passes axe with the previous token shown', async () => {
      const element = await renderToken(seeded);
      await choose(element, 'Keeps working for 1 day');
      await rotate(element);

      await expect(element).to.be.accessible();
    });
  });
});
