import { expect } from '@open-wc/testing';

import '../../src/auth-token/define.js';
import type { LsAuthToken } from '../../src/auth-token/ls-auth-token.js';
import { answer, openConfirmation, renderToken, rotate } from './support/auth-token-actions.js';
import { partOf, shadowQuery, shadowQueryAll, textOf } from './support/shadow-queries.js';
import { seedWorkspace, type SeededWorkspace } from './support/workspace.js';

async function chooseOneHour(element: LsAuthToken): Promise<void> {
  const inputs = shadowQueryAll<HTMLInputElement>(element, '[part="grace-period"] input');
  const input = inputs.find((each) => textOf(each.closest('label')) === 'Keeps working for 1 hour');
  if (input === undefined) throw new Error('No "Keeps working for 1 hour" choice.');
  input.click();
  await element.updateComplete;
}

function messageOf(element: LsAuthToken): string {
  const dialog = shadowQuery(element, 'ls-confirm-dialog');
  return textOf(dialog?.shadowRoot?.querySelector('[part="message"]') ?? null);
}

describe('<ls-auth-token> rotated elsewhere', () => {
  let seeded: SeededWorkspace;
  let tabX: LsAuthToken;
  let tabY: LsAuthToken;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    tabX = await renderToken(seeded);
    tabY = await renderToken(seeded);
  });

  it('confirms with the current tokens', async () => {
    const original = textOf(partOf(tabX, 'hint'));
    await chooseOneHour(tabX);
    await rotate(tabX);
    const current = textOf(partOf(tabX, 'hint'));

    const dialog = await openConfirmation(tabY);
    const message = messageOf(tabY);
    await answer(dialog, 'cancel-button');

    expect(message).to.contain(`Your previous token ${original} stops working at once`);
    expect(textOf(partOf(tabY, 'hint'))).to.equal(current);
    expect(textOf(partOf(tabY, 'previous-hint'))).to.equal(original);
  });

  it('names a token revoked without notice', async () => {
    const original = textOf(partOf(tabX, 'hint'));
    await chooseOneHour(tabX);
    await rotate(tabX);
    await chooseOneHour(tabY);
    const dialog = await openConfirmation(tabY);
    // The token changes again between the confirmation and the request.
    await chooseOneHour(tabX);
    await rotate(tabX);
    const second = textOf(partOf(tabX, 'previous-hint'));

    await answer(dialog, 'confirm-button');
    const revoked = await waitForRevoked(tabY);

    expect(second).to.not.equal(original);
    expect(revoked).to.equal(`The token ${second} stopped working now.`);
  });

  it('shows no list when the confirmation was right', async () => {
    await chooseOneHour(tabX);
    await rotate(tabX);

    await rotate(tabY);

    expect(shadowQuery(tabY, '[part="new-token"]')).to.not.equal(null);
    expect(shadowQuery(tabY, '[part="revoked"]')).to.equal(null);
  });
});

async function waitForRevoked(element: LsAuthToken): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const list = shadowQuery(element, '[part="revoked"]');
    if (list !== null) return textOf(list);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('<ls-auth-token> listed no revoked token.');
}
