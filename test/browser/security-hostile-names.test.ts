import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/define.js';
import { WorkspaceStore, type Member, type WorkspaceClient } from '../../sdk/index.js';
import type {
  LsConfirmDialog,
  LsInviteForm,
  LsKeyMigration,
  LsLicenses,
  LsMemberInvitedEvent,
  LsMembersTable,
  LsUsersLicenses,
} from '../../src/index.js';
import { elementsDeep } from './support/deep-dom.js';
import { partOf, shadowQuery, textOf, untilShadow } from './support/shadow-queries.js';
import {
  announcement,
  confirmDialogOf,
  expandDetails,
  inRow,
  openMenuFrom,
} from './support/table-actions.js';
import { withMemberName } from './support/renamed-member-client.js';
import { rowOf, untilRows } from './support/table-queries.js';
import {
  createClient,
  createStore,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

declare global {
  interface Window {
    /** The kinds of the payloads that ran, because each payload pushes its kind. */
    lsRan?: string[];
    /** The kinds of the control payloads that ran, which shows that the payloads can run. */
    lsControlRan?: string[];
  }
}

/**
 * Display names that run script when a page inserts them as markup: an element with an
 * event handler, one that first closes an attribute, one that closes a `<textarea>`, and one
 * that breaks out of a single-quoted attribute. Each fits the 200 characters of `PersonName`.
 */
const PAYLOADS = {
  img: `<img src=x onerror="lsRan.push('img')">`,
  svg: `"><svg onload="lsRan.push('svg')">`,
  script: `</textarea><script>lsRan.push('script')</script>`,
  attribute: `' autofocus onfocus='lsRan.push("attribute")' x='`,
} as const;

type PayloadKind = keyof typeof PAYLOADS;
const KINDS = Object.keys(PAYLOADS) as PayloadKind[];

/**
 * Inserts each payload with `lsRan` replaced as markup, to show that they do run there. A
 * range's fragment runs scripts when inserted, unlike innerHTML. An `<svg onload>` inserted
 * this way does not fire in Chromium, so only the img and script payloads serve as controls.
 */
function insertControl(): void {
  const container = document.createElement('div');
  container.dataset.control = '';
  for (const payload of [PAYLOADS.img, PAYLOADS.script]) {
    const markup = payload.replaceAll('lsRan', 'lsControlRan');
    const holder = document.createElement('div');
    holder.append(document.createRange().createContextualFragment(markup));
    container.append(holder);
  }
  document.body.append(container);
}

/** Waits until the control's img and script payloads ran, then until the next frame. */
async function untilControlRan(): Promise<void> {
  await waitUntil(
    () => ['img', 'script'].every((kind) => window.lsControlRan?.includes(kind)),
    `the control payloads did not run: ${JSON.stringify(window.lsControlRan)}`,
  );
  await nextFrame();
}

/** Returns the elements under `root` that carry an inline event handler, such as `onerror`. */
function elementsWithHandlers(root: Element): string[] {
  return elementsDeep(root)
    .filter((element) => element.getAttributeNames().some((name) => name.startsWith('on')))
    .map((element) => element.outerHTML.slice(0, 120));
}

/** Returns the elements under `root` that only markup from a name could have created. */
function injectedElements(root: Element): string[] {
  return elementsDeep(root)
    .filter((element) => ['img', 'script', 'iframe'].includes(element.localName))
    .map((element) => element.outerHTML.slice(0, 120));
}

interface HostileWorkspace {
  seeded: SeededWorkspace;
  client: WorkspaceClient;
  /** An invitation with the name, by payload kind. */
  invited: Record<PayloadKind, Member>;
}

/** Invites one person per payload, the `img` one with a license so that it lists as a holder. */
async function inviteHostileNames(): Promise<HostileWorkspace> {
  const seeded = await seedWorkspace();
  const client = createClient(seeded);
  const licenses = await client.listLicenses();
  const pool = licenses.pools.find((candidate) => candidate.used < candidate.seats);
  if (pool === undefined) throw new Error('The seeded workspace has no pool with a free seat.');

  const invited = {} as Record<PayloadKind, Member>;
  for (const kind of KINDS) {
    invited[kind] = await client.invite({
      name: PAYLOADS[kind],
      email: `hostile.${kind}@example.com`,
      licenseId: kind === 'img' ? pool.id : undefined,
    });
  }
  return { seeded, client, invited };
}

/** Returns an active member who is not the viewer and has no legacy key. */
async function plainActiveMember(client: WorkspaceClient): Promise<Member> {
  const { viewer } = await client.getWorkspace();
  const page = await client.listMembers({ status: 'active', limit: 100 });
  const member = page.items.find(
    (candidate) => candidate.id !== viewer.memberId && candidate.legacyKey === null,
  );
  if (member === undefined) throw new Error('The seeded workspace has no such member.');
  return member;
}

/** Returns the first member of the legacy-key migration at `step`. */
async function migrationMemberAt(client: WorkspaceClient, step: number): Promise<string> {
  const migration = await client.getMigration();
  const entry = migration.members.find((candidate) => candidate.step === step);
  if (entry === undefined) throw new Error(`The seeded migration has no member at step ${step}.`);
  return entry.memberId;
}

/** Returns a store whose responses show the member `memberId` under `name`. */
function storeRenaming(seeded: SeededWorkspace, memberId: string, name: string): WorkspaceStore {
  return new WorkspaceStore(withMemberName(createClient(seeded), memberId, name));
}

async function renderTable(
  seeded: SeededWorkspace,
  store = createStore(seeded),
): Promise<LsMembersTable> {
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${store}></ls-members-table>`,
  );
  await waitUntil(() => store.state.licenses !== null, 'the licenses did not load');
  await untilRows(table);
  await table.updateComplete;
  return table;
}

/** Enters a name and an email as a paste would, and presses the form's button. */
async function submitInvitation(form: LsInviteForm, name: string, email: string): Promise<void> {
  for (const [part, value] of [
    ['name-input', name],
    ['email-input', email],
  ] as const) {
    const input = partOf<HTMLInputElement>(form, part);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
  partOf<HTMLButtonElement>(form, 'submit-button').click();
}

/** Collects the events of one type that reach `target`. */
function eventsOf<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
): GlobalEventHandlersEventMap[K][] {
  const events: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(type, (event) => events.push(event as GlobalEventHandlersEventMap[K]));
  return events;
}

function dialogText(dialog: LsConfirmDialog, name: string): string {
  return textOf(partOf(dialog, name));
}

describe('hostile display names', () => {
  beforeEach(() => {
    window.lsRan = [];
    window.lsControlRan = [];
  });

  afterEach(() => {
    document.querySelectorAll('[data-control]').forEach((element) => element.remove());
  });

  describe('members table', () => {
    it('shows names as text in rows', async () => {
      const { seeded, invited } = await inviteHostileNames();
      const table = await renderTable(seeded);

      for (const kind of KINDS) {
        const row = rowOf(table, invited[kind].id);
        const disclosure = inRow(table, invited[kind].id, '[part="disclosure-button"]');
        expect(row.querySelector('.name')?.textContent, kind).to.equal(PAYLOADS[kind]);
        expect(disclosure.getAttribute('aria-label'), kind).to.equal(
          `Details of ${PAYLOADS[kind]}`,
        );
      }
    });

    it('labels the license menu as text', async () => {
      const { seeded, invited } = await inviteHostileNames();
      const table = await renderTable(seeded);

      for (const kind of KINDS) {
        const member = invited[kind];
        const selector =
          member.licenseId === null ? '[part="assign-button"]' : '[part="license-button"]';
        const menu = await openMenuFrom(table, inRow(table, member.id, selector));
        expect(menu.getAttribute('aria-label'), kind).to.equal(`License of ${PAYLOADS[kind]}`);
        await sendKeys({ press: 'Escape' });
        await table.updateComplete;
      }
    });

    it('labels the role menu as text', async () => {
      const { seeded, invited } = await inviteHostileNames();
      const table = await renderTable(seeded);
      const member = invited.svg;
      const details = await expandDetails(table, member.id);
      const trigger = details.querySelector<HTMLElement>('[part="role-button"]');
      if (trigger === null) throw new Error('The details show no role button.');

      const menu = await openMenuFrom(table, trigger);

      expect(menu.getAttribute('aria-label')).to.equal(`Role of ${PAYLOADS.svg}`);
    });

    it('keeps the remove dialog text', async () => {
      const seeded = await seedWorkspace();
      const client = createClient(seeded);
      const member = await plainActiveMember(client);
      const table = await renderTable(seeded, storeRenaming(seeded, member.id, PAYLOADS.svg));
      const removed = eventsOf(table, 'ls-member-removed');

      const details = await expandDetails(table, member.id);
      details.querySelector<HTMLButtonElement>('[part="remove-button"]')?.click();
      const dialog = confirmDialogOf(table);
      await waitUntil(() => dialog.open, 'the confirmation did not open');
      await dialog.updateComplete;

      expect(dialogText(dialog, 'heading')).to.equal(`Remove ${PAYLOADS.svg}?`);
      expect(dialogText(dialog, 'message')).to.match(
        /^"><svg onload="lsRan\.push\('svg'\)"> loses/,
      );
      expect(shadowQuery(dialog, 'svg')).to.equal(null);

      partOf<HTMLButtonElement>(dialog, 'confirm-button').click();
      await waitUntil(() => removed.length === 1, 'no ls-member-removed event');
      await table.updateComplete;

      expect(removed[0]?.member.name).to.equal(PAYLOADS.svg);
      expect(announcement(table)).to.equal(`Removed ${PAYLOADS.svg}`);
    });

    it('keeps the assignment notice text', async () => {
      const { seeded, invited } = await inviteHostileNames();
      const table = await renderTable(seeded);
      const member = invited.script;
      const assigned = eventsOf(table, 'ls-license-assigned');

      const menu = await openMenuFrom(table, inRow(table, member.id, '[part="assign-button"]'));
      const item = [...menu.querySelectorAll<HTMLElement>('[role="menuitemradio"]')].find(
        (candidate) => candidate.getAttribute('aria-disabled') === 'false',
      );
      item?.click();
      await waitUntil(() => assigned.length === 1, 'no ls-license-assigned event');
      await table.updateComplete;

      expect(assigned[0]?.member.name).to.equal(PAYLOADS.script);
      expect(announcement(table)).to.match(/^Assigned a .+ license to <\/textarea><script>/);
      expect(announcement(table).endsWith(PAYLOADS.script)).to.equal(true);
    });
  });

  describe('invite form', () => {
    it('keeps notice, event and message text', async () => {
      const seeded = await seedWorkspace();
      const store = createStore(seeded);
      const form = await fixture<LsInviteForm>(
        html`<ls-invite-form .store=${store}></ls-invite-form>`,
      );
      await untilShadow(form, '[part="form"]');
      const emailInput = partOf<HTMLInputElement>(form, 'email-input');

      await submitInvitation(form, PAYLOADS.img, 'hostile.form@example.com');
      const invited = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;
      await form.updateComplete;

      expect(invited.member.name).to.equal(PAYLOADS.img);
      expect(textOf(shadowQuery(form, '[role="status"]'))).to.equal(`Invited ${PAYLOADS.img}`);

      // Inviting the same address again names the pending invitation in the email's message.
      await submitInvitation(form, 'Someone Else', 'hostile.form@example.com');
      await waitUntil(
        () => emailInput.getAttribute('aria-invalid') === 'true',
        'no message for the email',
      );

      const message = shadowQuery(form, '#email-error');
      expect(textOf(message)).to.equal(
        `${PAYLOADS.img} already has a pending invitation to this workspace.`,
      );
      expect(message?.querySelector('img')).to.equal(null);
    });
  });

  describe('key migration', () => {
    it('keeps card and message text', async () => {
      const seeded = await seedWorkspace();
      const client = createClient(seeded);
      const memberId = await migrationMemberAt(client, 2);
      const store = storeRenaming(seeded, memberId, PAYLOADS.script);
      const element = await fixture<LsKeyMigration>(
        html`<ls-key-migration .store=${store}></ls-key-migration>`,
      );

      const card = await untilShadow(
        element,
        `[part="member"][data-member-id="${memberId}"] .name`,
      );
      const message = await untilShadow<HTMLTextAreaElement>(
        element,
        `[part="member"][data-member-id="${memberId}"] [part="message"]`,
      );
      const steps = shadowQuery(element, `[data-member-id="${memberId}"] [part="steps"]`);
      const label = shadowQuery(element, `label[for="${message.id}"]`);

      expect(card.textContent).to.equal(PAYLOADS.script);
      expect(message.value.startsWith(`Hi ${PAYLOADS.script},\n`)).to.equal(true);
      expect(textOf(label)).to.equal(`Message to ${PAYLOADS.script}`);
      expect(steps?.getAttribute('aria-label')).to.equal(`Steps for ${PAYLOADS.script}`);
      expect(shadowQuery(element, 'script')).to.equal(null);
    });

    it('keeps removal dialog and notice text', async () => {
      const seeded = await seedWorkspace();
      const client = createClient(seeded);
      const memberId = await migrationMemberAt(client, 4);
      const store = storeRenaming(seeded, memberId, PAYLOADS.attribute);
      const element = await fixture<LsKeyMigration>(
        html`<ls-key-migration .store=${store}></ls-key-migration>`,
      );
      const removed = eventsOf(element, 'ls-legacy-key-removed');

      const button = await untilShadow(
        element,
        `[part="member"][data-member-id="${memberId}"] [part="remove-button"]`,
      );
      button.click();
      const dialog = shadowQuery<LsConfirmDialog>(element, 'ls-confirm-dialog');
      if (dialog === null) throw new Error('<ls-key-migration> rendered no confirm dialog.');
      await waitUntil(() => dialog.open, 'the confirmation did not open');
      await dialog.updateComplete;

      expect(dialogText(dialog, 'heading')).to.equal(
        `Remove the legacy key of ${PAYLOADS.attribute}?`,
      );
      partOf<HTMLButtonElement>(dialog, 'confirm-button').click();
      await waitUntil(() => removed.length === 1, 'no ls-legacy-key-removed event');
      await element.updateComplete;

      expect(removed[0]?.member.name).to.equal(PAYLOADS.attribute);
      expect(textOf(shadowQuery(element, '[role="status"]'))).to.equal(
        `Removed the legacy key of ${PAYLOADS.attribute}.`,
      );
    });
  });

  describe('licenses', () => {
    it('lists pool holders as text', async () => {
      const { seeded, invited } = await inviteHostileNames();
      const licenses = await fixture<LsLicenses>(
        html`<ls-licenses .store=${createStore(seeded)}></ls-licenses>`,
      );
      const poolId = invited.img.licenseId;
      const button = await untilShadow(
        licenses,
        `[data-pool-id="${poolId}"] [part="holders-button"]`,
      );

      button.click();
      await untilShadow(licenses, `[data-pool-id="${poolId}"] [part="holders"]`);
      const names = [
        ...(licenses.shadowRoot?.querySelectorAll(`[data-pool-id="${poolId}"] .name`) ?? []),
      ].map((name) => name.textContent);

      expect(names).to.include(PAYLOADS.img);
      expect(shadowQuery(licenses, 'img')).to.equal(null);
    });
  });

  describe('whole panel', () => {
    it('runs no script from any name', async () => {
      const { seeded, invited, client } = await inviteHostileNames();
      const renamed = withMemberName(
        withMemberName(createClient(seeded), await migrationMemberAt(client, 2), PAYLOADS.svg),
        await migrationMemberAt(client, 4),
        PAYLOADS.img,
      );
      const store = new WorkspaceStore(renamed);
      const workspace = await fixture<HTMLElement>(html`
        <ls-workspace .store=${store}><ls-users-licenses></ls-users-licenses></ls-workspace>
      `);
      const page = workspace.querySelector('ls-users-licenses') as LsUsersLicenses;
      await waitUntil(
        () => store.state.migration !== null && store.state.licenses !== null,
        'the panel did not load',
      );
      const table = page.shadowRoot?.querySelector('ls-members-table') as LsMembersTable;
      await untilRows(table);
      await expandDetails(table, invited.attribute.id);
      await openMenuFrom(table, inRow(table, invited.svg.id, '[part="assign-button"]'));

      insertControl();
      await untilControlRan();

      expect(window.lsRan).to.deep.equal([]);
      expect(elementsWithHandlers(workspace)).to.deep.equal([]);
      expect(injectedElements(workspace)).to.deep.equal([]);
    });
  });
});
