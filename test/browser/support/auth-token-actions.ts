import { fixture, html, oneEvent } from '@open-wc/testing';

import type { LsAuthToken } from '../../../src/auth-token/ls-auth-token.js';
import type { LsConfirmDialog } from '../../../src/confirm-dialog/ls-confirm-dialog.js';
import type { LsAuthTokenRotatedEvent } from '../../../src/events/index.js';
import { partOf, shadowQuery, untilShadow } from './shadow-queries.js';
import { waitUntil } from './wait-until.js';
import { createStore, type SeededWorkspace } from './workspace.js';

/** Renders `<ls-auth-token>` for the user of `token` and waits for the masked token. */
export async function renderToken(seeded: SeededWorkspace, token = seeded.adminToken) {
  const element = await fixture<LsAuthToken>(
    html`<ls-auth-token .store=${createStore(seeded, token)}></ls-auth-token>`,
  );
  await untilShadow(element, '[part="hint"]');
  return element;
}

export function dialogOf(element: LsAuthToken): LsConfirmDialog {
  const dialog = shadowQuery<LsConfirmDialog>(element, 'ls-confirm-dialog');
  if (dialog === null) throw new Error('<ls-auth-token> has no confirm dialog.');
  return dialog;
}

/** Clicks a button of the element and waits for the confirmation to open. */
export async function openConfirmation(
  element: LsAuthToken,
  button = 'rotate-button',
): Promise<LsConfirmDialog> {
  partOf<HTMLButtonElement>(element, button).click();
  const dialog = dialogOf(element);
  await waitUntil(() => dialog.open, 'the confirmation did not open');
  await dialog.updateComplete;
  return dialog;
}

export async function answer(dialog: LsConfirmDialog, button: 'confirm-button' | 'cancel-button') {
  partOf<HTMLButtonElement>(dialog, button).click();
  await waitUntil(() => !dialog.open, 'the confirmation did not close');
}

/** Rotates through the confirmation and waits for the rotated event. */
export async function rotate(element: LsAuthToken): Promise<LsAuthTokenRotatedEvent> {
  const dialog = await openConfirmation(element);
  const rotated = oneEvent(element, 'ls-auth-token-rotated');
  await answer(dialog, 'confirm-button');
  const event = (await rotated) as unknown as LsAuthTokenRotatedEvent;
  await element.updateComplete;
  return event;
}
