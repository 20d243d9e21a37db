import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/invite-form/define.js';
import '../../src/workspace/define.js';
import type { Member, WorkspaceClient, WorkspaceStore } from '../../sdk/index.js';
import type { LsInviteForm, LsMemberInvitedEvent } from '../../src/index.js';
import {
  inviteInput as input,
  messageFor,
  submitButton,
  typeInto,
  untilIdle,
} from './support/invite-form-actions.js';
import { waitUntil } from './support/wait-until.js';
import {
  acceptInvitation,
  createClient,
  createStore,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

async function renderForm(store: WorkspaceStore): Promise<LsInviteForm> {
  const form = await fixture<LsInviteForm>(html`<ls-invite-form .store=${store}></ls-invite-form>`);
  await waitUntil(() => store.state.workspace !== null, 'the workspace did not load');
  await form.updateComplete;
  return form;
}

/**
 * Inserts text into a field in one edit with the whitespace exactly as copied, as a paste
 * does. Chromium's email input then reports its `value` without the surrounding whitespace.
 */
async function paste(form: LsInviteForm, field: 'name' | 'email', text: string) {
  input(form, field).focus();
  document.execCommand('insertText', false, text);
  await form.updateComplete;
}

/** Returns the members whose email equals `email` without regard to case. */
async function membersWithEmail(client: WorkspaceClient, email: string): Promise<Member[]> {
  const page = await client.listMembers({ query: email });
  return page.items.filter((member) => member.email.toLowerCase() === email.toLowerCase());
}

describe('invite form email input', () => {
  let seeded: SeededWorkspace;
  let client: WorkspaceClient;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    client = createClient(seeded);
  });

  describe('subdomains, country codes and plus addressing', () => {
    for (const email of ['m@dept.example.co.jp', 'm@a.b.example.com', 'm+team@example.com']) {
      it(`stores ${email} as typed`, async () => {
        const form = await renderForm(createStore(seeded));

        await typeInto(form, 'name', 'Mail Test');
        await typeInto(form, 'email', email);
        input(form, 'name').focus();
        await form.updateComplete;
        const shownMessage = messageFor(form, 'email');
        submitButton(form).click();
        const event = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;
        const stored = await client.getMember(event.member.id);

        expect(shownMessage).to.equal('');
        expect(event.member.email).to.equal(email);
        expect(stored.email).to.equal(email);
      });
    }
  });

  describe('pasted with whitespace around', () => {
    for (const [label, pasted] of [
      ['spaces', '  padded@example.org  '],
      ['a tab', '\tpadded@example.org\t'],
      ['spaces and tabs', ' \t padded@example.org \t '],
    ] as const) {
      it(`enables submit and trims ${label}`, async () => {
        const form = await renderForm(createStore(seeded));
        await typeInto(form, 'name', 'Padded Person');

        await paste(form, 'email', pasted);
        input(form, 'name').focus();
        await form.updateComplete;
        const button = submitButton(form);

        expect(input(form, 'email').getAttribute('aria-invalid')).to.equal('false');
        expect(messageFor(form, 'email')).to.equal('');
        expect(button.disabled).to.equal(false);
        expect(button.getAttribute('aria-busy')).to.equal('false');

        button.click();
        const event = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;
        const stored = await client.getMember(event.member.id);

        expect(stored.email).to.equal('padded@example.org');
      });
    }
  });

  describe('existing member in another case', () => {
    const existingEmail = 'Name.Surname@Example.com';

    beforeEach(async () => {
      await client.invite({ name: 'Name Surname', email: existingEmail });
      await acceptInvitation(seeded, existingEmail, 'Name Surname');
    });

    /** Invites the existing member's address in lower case and waits for the failure. */
    async function inviteLowerCase(): Promise<LsInviteForm> {
      const form = await renderForm(createStore(seeded));
      await typeInto(form, 'name', 'Name Again');
      await typeInto(form, 'email', 'name.surname@example.com');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);
      return form;
    }

    it('reports already a member', async () => {
      const form = await inviteLowerCase();

      expect(input(form, 'email').getAttribute('aria-invalid')).to.equal('true');
      expect(messageFor(form, 'email')).to.equal(
        'Name Surname is already a member of this workspace.',
      );
    });

    it('creates no second invitation', async () => {
      await inviteLowerCase();
      const stored = await membersWithEmail(client, existingEmail);

      expect(stored.map((member) => member.email)).to.deep.equal([existingEmail]);
      expect(stored[0]?.status).to.equal('active');
    });
  });
});
