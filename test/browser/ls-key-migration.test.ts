import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/define.js';
import type { Member, Migration } from '../../sdk/index.js';
import type { LsConfirmDialog, LsKeyMigration } from '../../src/index.js';
import { textOf } from './support/table-queries.js';
import {
  createClient,
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

interface SeededMigration {
  seeded: SeededWorkspace;
  migration: Migration;
  members: Map<string, Member>;
  /** The seats used of each pool, by pool id. */
  pools: Map<string, number>;
}

async function seedMigration(): Promise<SeededMigration> {
  const seeded = await seedWorkspace();
  const client = createClient(seeded);
  const migration = await client.getMigration();
  const page = await client.listMembers({ legacyKey: 'true', limit: 100 });
  const licenses = await client.listLicenses();
  return {
    seeded,
    migration,
    members: new Map(page.items.map((item) => [item.id, item])),
    pools: new Map(licenses.pools.map((pool) => [pool.id, pool.used])),
  };
}

/** Returns the first member of the migration at `step`, with their record. */
function memberAt(data: SeededMigration, step: number): Member {
  const entry = data.migration.members.find((item) => item.step === step);
  const member = entry === undefined ? undefined : data.members.get(entry.memberId);
  if (member === undefined) throw new Error(`The seeded migration has no member at step ${step}.`);
  return member;
}

async function renderMigration(seeded: SeededWorkspace, token = seeded.adminToken) {
  const store = createStore(seeded, token);
  const element = await fixture<LsKeyMigration>(
    html`<ls-key-migration .store=${store}></ls-key-migration>`,
  );
  await untilMembersShown(element);
  return { store, element };
}

function root(element: LsKeyMigration): ShadowRoot {
  if (element.shadowRoot === null) throw new Error('<ls-key-migration> has no shadow root.');
  return element.shadowRoot;
}

function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  const scope = element instanceof HTMLElement && element.shadowRoot ? element.shadowRoot : element;
  return scope.querySelector<T>(`[part~="${name}"]`);
}

function cardOf(element: LsKeyMigration, memberId: string): HTMLElement | null {
  return root(element).querySelector<HTMLElement>(`[part="member"][data-member-id="${memberId}"]`);
}

function card(element: LsKeyMigration, memberId: string): HTMLElement {
  const found = cardOf(element, memberId);
  if (found === null) throw new Error(`No card for member ${memberId}.`);
  return found;
}

function countAt(element: LsKeyMigration, step: number): string {
  return textOf(root(element).querySelector(`[part="count"][data-step="${step}"] .count`));
}

function currentStepOf(element: LsKeyMigration, memberId: string): string | null {
  const current = card(element, memberId).querySelector('[part="step"][aria-current="step"]');
  return current?.getAttribute('data-step') ?? null;
}

/** Waits until the element shows the empty state, or every member card with its name. */
async function untilMembersShown(element: LsKeyMigration): Promise<void> {
  await waitUntil(
    () => {
      if (part(element, 'empty') !== null) return true;
      const cards = [...root(element).querySelectorAll('[part="member"]')];
      return (
        cards.length > 0 && cards.every((item) => item.querySelector('.member-heading') !== null)
      );
    },
    'the migration members did not appear',
    { timeout: 5000 },
  );
}

/** Resolves with the next event `name` that reaches `target`, typed by the global event map. */
function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => {
    target.addEventListener(name, (event) => resolve(event as GlobalEventHandlersEventMap[K]), {
      once: true,
    });
  });
}

function dialogOf(element: LsKeyMigration): LsConfirmDialog {
  const dialog = root(element).querySelector('ls-confirm-dialog');
  if (dialog === null) throw new Error('<ls-key-migration> rendered no <ls-confirm-dialog>.');
  return dialog;
}

async function untilDialogOpen(element: LsKeyMigration): Promise<LsConfirmDialog> {
  const dialog = dialogOf(element);
  await waitUntil(() => dialog.open, 'the confirmation did not open', { timeout: 5000 });
  return dialog;
}

function dialogButton(dialog: LsConfirmDialog, name: string): HTMLButtonElement {
  const button = part<HTMLButtonElement>(dialog, name);
  if (button === null) throw new Error(`The confirmation has no ${name}.`);
  return button;
}

describe('<ls-key-migration>', () => {
  describe('rendering', () => {
    it('shows the deprecation notice with its date', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded);

      const notice = textOf(part(element, 'notice'));
      const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(data.migration.deprecationDate),
      );

      expect(notice).to.contain(`stop working on ${day}`);
      expect(notice).to.contain('Legacy personal API keys are deprecated');
      expect(notice).to.contain('can be rotated');
      expect(notice).to.contain('without the user changing any configuration');
    });

    it('counts the members at each step', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded);

      for (const step of ['1', '2', '3', '4'] as const) {
        expect(countAt(element, Number(step)), `step ${step}`).to.equal(
          String(data.migration.counts[step]),
        );
      }
    });

    it('marks the current step of every member', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded);

      const cards = root(element).querySelectorAll('[part="member"]');
      expect(cards.length).to.equal(data.migration.members.length);
      for (const entry of data.migration.members) {
        const steps = card(element, entry.memberId).querySelectorAll('ol[part="steps"] > li');
        expect(steps.length, entry.memberId).to.equal(4);
        expect(currentStepOf(element, entry.memberId), entry.memberId).to.equal(String(entry.step));
      }
    });

    it('names each member and their key', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 2);
      const { element } = await renderMigration(data.seeded);

      const text = textOf(card(element, member.id));

      expect(text).to.contain(member.name);
      expect(text).to.contain(member.legacyKey?.hint ?? 'no hint');
    });

    it('shows the last uses of token and key', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 3);
      const { element } = await renderMigration(data.seeded);

      const usage = textOf(part(card(element, member.id), 'usage'));

      expect(usage).to.match(/^Auth token last used \d+ days ago\. Legacy key last used/);
      expect(usage).to.match(/(yesterday|\d+ days? ago)\.$/);
    });

    it('says when the auth token was never used', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 2);
      const { element } = await renderMigration(data.seeded);

      expect(textOf(part(card(element, member.id), 'usage'))).to.match(/^Auth token never used\. /);
    });

    it('offers only pools with free seats', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 1);
      const licenses = await createClient(data.seeded).listLicenses();
      const { element } = await renderMigration(data.seeded);

      const select = part<HTMLSelectElement>(card(element, member.id), 'license-select');
      const offered = [...(select?.options ?? [])].map((option) => option.value);
      const free = licenses.pools.filter((pool) => pool.used < pool.seats).map((pool) => pool.id);

      expect(offered).to.deep.equal(free);
      expect(select?.labels?.[0]?.textContent).to.contain(member.name);
    });

    it('shows an empty state once no key is left', async () => {
      const data = await seedMigration();
      const client = createClient(data.seeded);
      for (const entry of data.migration.members) await client.removeLegacyKey(entry.memberId);

      const { element } = await renderMigration(data.seeded);

      expect(textOf(part(element, 'empty'))).to.equal(
        'Every member uses an auth token. No legacy API keys are left.',
      );
      expect(part(element, 'counts')).to.equal(null);
    });
  });

  describe('actions', () => {
    it('assigns a license inline', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 1);
      const { store, element } = await renderMigration(data.seeded);
      const select = part<HTMLSelectElement>(card(element, member.id), 'license-select');
      const lastPool = select?.options[select.options.length - 1]?.value ?? '';
      if (select === null) throw new Error('No license select.');

      select.value = lastPool;
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
      const assigned = nextEvent(element, 'ls-license-assigned');
      part<HTMLButtonElement>(card(element, member.id), 'assign-button')?.click();
      const event = await assigned;

      expect(event.member.licenseId).to.equal(lastPool);
      expect(event.previousLicenseId).to.equal(null);
      await waitUntil(() => currentStepOf(element, member.id) === '2', 'the step did not move');
      expect(countAt(element, 1)).to.equal(String(data.migration.counts['1'] - 1));
      expect(countAt(element, 2)).to.equal(String(data.migration.counts['2'] + 1));
      const usedBefore = data.pools.get(lastPool);
      await waitUntil(
        () => store.state.licenses?.pools.find((pool) => pool.id === lastPool)?.used !== usedBefore,
        'the seats used did not change',
      );
      expect(store.state.licenses?.pools.find((pool) => pool.id === lastPool)?.used).to.equal(
        (usedBefore ?? 0) + 1,
      );
    });

    it('moves focus to the member after assigning', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 1);
      const { element } = await renderMigration(data.seeded);

      part<HTMLButtonElement>(card(element, member.id), 'assign-button')?.click();
      await waitUntil(() => currentStepOf(element, member.id) === '2', 'the step did not move');
      await waitUntil(
        () => root(element).activeElement?.id === `member-${member.id}`,
        'focus did not move to the member heading',
      );
    });

    it('copies the message to the member', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 2);
      const { element } = await renderMigration(data.seeded);
      const copied: string[] = [];
      const original = navigator.clipboard.writeText;
      navigator.clipboard.writeText = async (text: string) => {
        copied.push(text);
      };

      try {
        const copyButton = part<HTMLButtonElement>(card(element, member.id), 'copy-button');
        expect(copyButton, 'the copy button').to.not.equal(null);
        copyButton?.click();
        // A loaded machine, such as CI running other suites, can take over a second here.
        await waitUntil(() => copied.length === 1, 'nothing was copied', { timeout: 5000 });
      } finally {
        navigator.clipboard.writeText = original;
      }

      const message = part<HTMLTextAreaElement>(card(element, member.id), 'message');
      expect(message?.readOnly).to.equal(true);
      expect(copied[0]).to.equal(message?.value);
      expect(copied[0]).to.contain(`Hi ${member.name},`);
      expect(copied[0]).to.contain('Auth Tokens page');
      expect(copied[0]).to.contain(member.legacyKey?.hint ?? 'no hint');
      await waitUntil(() => textOf(root(element).querySelector('[role="status"]')).length > 0);
      expect(textOf(root(element).querySelector('[role="status"]'))).to.equal(
        `Copied the message to ${member.name}.`,
      );
    });

    it('removes a legacy key after confirmation', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 4);
      const { element } = await renderMigration(data.seeded);

      part<HTMLButtonElement>(card(element, member.id), 'remove-button')?.click();
      const dialog = await untilDialogOpen(element);
      expect(textOf(part(dialog, 'heading'))).to.equal(`Remove the legacy key of ${member.name}?`);
      const removed = nextEvent(element, 'ls-legacy-key-removed');
      dialogButton(dialog, 'confirm-button').click();
      const event = await removed;

      expect(event.member.id).to.equal(member.id);
      expect(event.member.legacyKey).to.equal(null);
      await waitUntil(() => cardOf(element, member.id) === null, 'the member stayed listed');
      expect(countAt(element, 4)).to.equal(String(data.migration.counts['4'] - 1));
    });

    it('keeps the key when the confirmation is cancelled', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 4);
      const { element } = await renderMigration(data.seeded);
      let removed = false;
      element.addEventListener('ls-legacy-key-removed', () => (removed = true));

      part<HTMLButtonElement>(card(element, member.id), 'remove-button')?.click();
      const dialog = await untilDialogOpen(element);
      dialogButton(dialog, 'cancel-button').click();
      await waitUntil(() => !dialog.open, 'the confirmation stayed open');

      expect(removed).to.equal(false);
      expect(cardOf(element, member.id)).not.to.equal(null);
      const migration = await createClient(data.seeded).getMigration();
      expect(migration.counts['4']).to.equal(data.migration.counts['4']);
    });

    it('checks the last uses again on request', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 2);
      const { element } = await renderMigration(data.seeded);
      const client = createClient(data.seeded);

      // An admin removes the key elsewhere; "Check again" shows the new state.
      await client.removeLegacyKey(member.id);
      part<HTMLButtonElement>(element, 'refresh-button')?.click();

      await waitUntil(() => cardOf(element, member.id) === null, 'the member stayed listed');
      expect(countAt(element, 2)).to.equal(String(data.migration.counts['2'] - 1));
    });
  });

  describe('keyboard', () => {
    it('returns focus to the remove button on Escape', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 4);
      const { element } = await renderMigration(data.seeded);
      const button = part<HTMLButtonElement>(card(element, member.id), 'remove-button');

      button?.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await untilDialogOpen(element);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the confirmation');

      expect(root(element).activeElement).to.equal(button);
      expect(cardOf(element, member.id)).not.to.equal(null);
    });
  });

  describe('errors', () => {
    it('shows a failed assign next to the member', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 1);
      const { element } = await renderMigration(data.seeded);
      await injectFault(data.seeded, { path: `/members/${member.id}/license`, status: 500 });

      const failed = nextEvent(element, 'ls-error');
      part<HTMLButtonElement>(card(element, member.id), 'assign-button')?.click();
      const event = await failed;

      expect(event.action).to.equal('assign-license');
      await waitUntil(() => part(card(element, member.id), 'error') !== null);
      expect(textOf(part(card(element, member.id), 'error'))).to.contain(
        `Could not assign a license to ${member.name}.`,
      );
      expect(currentStepOf(element, member.id)).to.equal('1');
    });

    it('shows a failed removal next to the member', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 4);
      const { element } = await renderMigration(data.seeded);
      await injectFault(data.seeded, { path: `/members/${member.id}/legacy-key`, status: 500 });

      part<HTMLButtonElement>(card(element, member.id), 'remove-button')?.click();
      const dialog = await untilDialogOpen(element);
      const failed = nextEvent(element, 'ls-error');
      dialogButton(dialog, 'confirm-button').click();
      const event = await failed;

      expect(event.action).to.equal('remove-legacy-key');
      await waitUntil(() => part(card(element, member.id), 'error') !== null);
      expect(textOf(part(card(element, member.id), 'error'))).to.contain('injected a 500');
      expect(currentStepOf(element, member.id)).to.equal('4');
    });

    it('offers a retry when the migration fails to load', async () => {
      const data = await seedMigration();
      await injectFault(data.seeded, { path: '/migration', status: 500 });
      const store = createStore(data.seeded);

      const element = await fixture<LsKeyMigration>(
        html`<ls-key-migration .store=${store}></ls-key-migration>`,
      );
      await waitUntil(() => part(element, 'error') !== null, 'no error was shown');
      expect(textOf(part(element, 'error'))).to.contain('Could not load the migration.');

      part<HTMLButtonElement>(element, 'retry-button')?.click();
      await untilMembersShown(element);
      expect(countAt(element, 1)).to.equal(String(data.migration.counts['1']));
    });
  });

  describe('read-only', () => {
    it('shows members the steps without actions', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded, data.seeded.memberToken);

      expect(root(element).querySelectorAll('[part="member"]').length).to.equal(
        data.migration.members.length,
      );
      for (const name of ['license-select', 'assign-button', 'message', 'copy-button']) {
        expect(part(element, name), name).to.equal(null);
      }
      expect(part(element, 'remove-button')).to.equal(null);
      const member = memberAt(data, 3);
      expect(currentStepOf(element, member.id)).to.equal('3');
    });
  });

  describe('accessibility', () => {
    it('passes axe as admin', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded);

      await expect(element).to.be.accessible();
    });

    it('passes axe in the dark scheme', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded);

      element.style.colorScheme = 'dark';

      await expect(element).to.be.accessible();
    });

    it('passes axe as member', async () => {
      const data = await seedMigration();
      const { element } = await renderMigration(data.seeded, data.seeded.memberToken);

      await expect(element).to.be.accessible();
    });

    it('passes axe in the empty state', async () => {
      const data = await seedMigration();
      const client = createClient(data.seeded);
      for (const entry of data.migration.members) await client.removeLegacyKey(entry.memberId);
      const { element } = await renderMigration(data.seeded);

      await expect(element).to.be.accessible();
    });

    it('passes axe with an error shown', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 1);
      const { element } = await renderMigration(data.seeded);
      await injectFault(data.seeded, { path: `/members/${member.id}/license`, status: 500 });
      part<HTMLButtonElement>(card(element, member.id), 'assign-button')?.click();
      await waitUntil(() => part(card(element, member.id), 'error') !== null);

      await expect(element).to.be.accessible();
    });

    it('passes axe with the confirmation open', async () => {
      const data = await seedMigration();
      const member = memberAt(data, 4);
      const { element } = await renderMigration(data.seeded);
      part<HTMLButtonElement>(card(element, member.id), 'remove-button')?.click();
      const dialog = await untilDialogOpen(element);

      await expect(element).to.be.accessible();
      dialogButton(dialog, 'cancel-button').click();
    });
  });
});
