import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';

import '../../src/invite-form/define.js';
import '../../src/licenses/define.js';
import '../../src/workspace/define.js';
import {
  EmailAddress,
  PersonName,
  type LicensePool,
  type Member,
  WorkspaceStore,
  type WorkspaceClient,
} from '../../sdk/index.js';
import type {
  LsErrorEvent,
  LsInviteForm,
  LsLicenses,
  LsMemberInvitedEvent,
} from '../../src/index.js';
import { withExpiredPool, withOverrides } from './support/client-overrides.js';
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

const TEAM_POOL = 'lic_team';
const ENTERPRISE_POOL = 'lic_enterprise';

interface Page {
  store: WorkspaceStore;
  form: LsInviteForm;
  licenses: LsLicenses;
}

/** Renders the form and `<ls-licenses>` on one store, as a host page would. */
async function renderPage(store: WorkspaceStore): Promise<Page> {
  const wrapper = await fixture<HTMLElement>(html`
    <div>
      <ls-workspace .store=${store}>
        <ls-invite-form></ls-invite-form>
        <ls-licenses></ls-licenses>
      </ls-workspace>
    </div>
  `);
  const form = wrapper.querySelector('ls-invite-form') as LsInviteForm;
  const licenses = wrapper.querySelector('ls-licenses') as LsLicenses;
  await waitUntil(() => store.state.licenses !== null, 'the licenses did not load', {
    timeout: 5000,
  });
  await waitUntil(() => store.state.workspace !== null, 'the workspace did not load', {
    timeout: 5000,
  });
  await form.updateComplete;
  return { store, form, licenses };
}

function input(form: LsInviteForm, field: 'name' | 'email'): HTMLInputElement {
  return partOf<HTMLInputElement>(form, `${field}-input`);
}

function submitButton(form: LsInviteForm): HTMLButtonElement {
  return partOf<HTMLButtonElement>(form, 'submit-button');
}

/** Types into a field with the keyboard, as a person would. */
async function typeInto(form: LsInviteForm, field: 'name' | 'email', text: string) {
  input(form, field).focus();
  await sendKeys({ type: text });
}

async function fill(form: LsInviteForm, name: string, email: string) {
  await typeInto(form, 'name', name);
  await typeInto(form, 'email', email);
}

/** Sets a field's value the way a paste does, in one input event. */
async function paste(form: LsInviteForm, field: 'name' | 'email', text: string) {
  const element = input(form, field);
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function chooseLicense(form: LsInviteForm, poolId: string) {
  partOf<HTMLInputElement>(form, 'license-checkbox').click();
  await form.updateComplete;
  const select = partOf<HTMLSelectElement>(form, 'pool-select');
  select.value = poolId;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await form.updateComplete;
}

async function untilIdle(form: LsInviteForm) {
  await waitUntil(() => !submitButton(form).disabled, 'the invitation did not finish', {
    timeout: 5000,
  });
  await form.updateComplete;
}

/** Returns the message shown for a field, read through its aria-describedby. */
function messageFor(form: LsInviteForm, control: Element): string {
  const id = control.getAttribute('aria-describedby');
  if (id === null) return '';
  return textOf(shadowQuery(form, `#${id}`));
}

async function findByEmail(client: WorkspaceClient, email: string): Promise<Member[]> {
  const page = await client.listMembers({ query: email, limit: 10 });
  return page.items.filter((member) => member.email.toLowerCase() === email.toLowerCase());
}

function poolOf(store: WorkspaceStore, poolId: string): LicensePool {
  const pool = store.state.licenses?.pools.find((candidate) => candidate.id === poolId);
  if (pool === undefined) throw new Error(`No pool ${poolId} in the store.`);
  return pool;
}

function meterOf(licenses: LsLicenses, poolId: string): HTMLElement {
  const meter = shadowQuery(licenses, `[data-pool-id="${poolId}"] [role="meter"]`);
  if (meter === null) throw new Error(`<ls-licenses> shows no meter for ${poolId}.`);
  return meter;
}

function schemaMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message ?? '';
}

describe('<ls-invite-form>', () => {
  let seeded: SeededWorkspace;
  let client: WorkspaceClient;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    client = createClient(seeded);
  });

  describe('rendering', () => {
    it('labels name and email fields', async () => {
      const { form } = await renderPage(createStore(seeded));
      const name = input(form, 'name');
      const email = input(form, 'email');

      expect(name.labels?.[0]?.textContent?.trim()).to.equal('Name');
      expect(name.autocomplete).to.equal('name');
      expect(name.required).to.equal(true);
      expect(email.labels?.[0]?.textContent?.trim()).to.equal('Email');
      expect(email.type).to.equal('email');
      expect(email.autocomplete).to.equal('email');
      expect(email.required).to.equal(true);
    });

    it('defaults the role to Member', async () => {
      const { form } = await renderPage(createStore(seeded));
      const checked = shadowQuery<HTMLInputElement>(form, 'input[name="role"]:checked');

      expect(checked?.value).to.equal('member');
      expect(shadowQueryAll(form, 'input[name="role"]').length).to.equal(2);
    });

    it('reveals the pool picker on demand', async () => {
      const { form, store } = await renderPage(createStore(seeded));

      expect(shadowQueryAll(form, '[part="pool-select"]').length).to.equal(0);

      partOf<HTMLInputElement>(form, 'license-checkbox').click();
      await form.updateComplete;
      const options = [...partOf<HTMLSelectElement>(form, 'pool-select').options];
      const team = poolOf(store, TEAM_POOL);
      const free = team.seats - team.used;

      expect(options.map((option) => option.value)).to.include.members([
        TEAM_POOL,
        ENTERPRISE_POOL,
      ]);
      expect(options.find((option) => option.value === TEAM_POOL)?.textContent?.trim()).to.equal(
        `Team: ${free} of ${team.seats} seats free`,
      );
    });

    it('disables full pools with the reason', async () => {
      await client.invite({
        name: 'Seat Taker',
        email: 'seat.taker@example.org',
        licenseId: TEAM_POOL,
      });
      const { form } = await renderPage(createStore(seeded));

      partOf<HTMLInputElement>(form, 'license-checkbox').click();
      await form.updateComplete;
      const team = shadowQuery<HTMLOptionElement>(form, `option[value="${TEAM_POOL}"]`);

      expect(team?.disabled).to.equal(true);
      expect(textOf(team)).to.equal('Team: no seats free');
      expect(partOf<HTMLSelectElement>(form, 'pool-select').value).to.equal(ENTERPRISE_POOL);
    });

    it('disables expired pools with the reason', async () => {
      const expired = new WorkspaceStore(withExpiredPool(client, ENTERPRISE_POOL));
      const { form } = await renderPage(expired);

      partOf<HTMLInputElement>(form, 'license-checkbox').click();
      await form.updateComplete;
      const enterprise = shadowQuery<HTMLOptionElement>(form, `option[value="${ENTERPRISE_POOL}"]`);

      expect(enterprise?.disabled).to.equal(true);
      expect(textOf(enterprise)).to.equal('Enterprise: expired');
    });
  });

  describe('validation', () => {
    it('shows no message while typing', async () => {
      const { form } = await renderPage(createStore(seeded));

      await typeInto(form, 'email', 'not-an-address');

      expect(input(form, 'email').getAttribute('aria-invalid')).to.equal('false');
      expect(shadowQueryAll(form, '[part="field-error"]').length).to.equal(0);
    });

    it('shows the schema message after blur', async () => {
      const { form } = await renderPage(createStore(seeded));

      await typeInto(form, 'email', 'not-an-address');
      input(form, 'email').blur();
      await form.updateComplete;
      const email = input(form, 'email');

      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(messageFor(form, email)).to.equal(schemaMessage(EmailAddress.safeParse('x')));
      expect(messageFor(form, email)).to.equal(
        'Enter a valid email address, such as name@example.com.',
      );
    });

    it('shows every message on submit', async () => {
      const { form } = await renderPage(createStore(seeded));
      let invited = 0;
      form.addEventListener('ls-member-invited', () => invited++);

      submitButton(form).click();
      await form.updateComplete;

      expect(messageFor(form, input(form, 'name'))).to.equal(
        schemaMessage(PersonName.safeParse('')),
      );
      expect(messageFor(form, input(form, 'name'))).to.equal('Enter a name.');
      expect(messageFor(form, input(form, 'email'))).to.not.equal('');
      expect(deepActiveElement()?.id).to.equal('name');
      expect(invited).to.equal(0);
    });

    it('rejects names without visible characters', async () => {
      const { form } = await renderPage(createStore(seeded));

      await paste(form, 'name', '\u200b\u200b');
      input(form, 'name').focus();
      input(form, 'name').blur();
      await form.updateComplete;

      expect(messageFor(form, input(form, 'name'))).to.equal(
        'Enter a name with at least one visible character.',
      );
    });

    it('keeps a click that blurs a field', async () => {
      const { form } = await renderPage(createStore(seeded));
      const checkbox = partOf<HTMLInputElement>(form, 'license-checkbox');
      const box = checkbox.getBoundingClientRect();

      await typeInto(form, 'email', 'not-an-address');
      // The message that the blur shows pushes the checkbox down, and the click must still land.
      await sendMouse({
        type: 'click',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
      await waitUntil(
        () => input(form, 'email').getAttribute('aria-invalid') === 'true',
        'the email message did not appear after the click',
      );

      expect(checkbox.checked).to.equal(true);
      expect(messageFor(form, input(form, 'email'))).to.not.equal('');
    });

    it('waits for pools before assigning', async () => {
      await injectFault(seeded, { path: '/licenses', delayMs: 2000 });
      const store = createStore(seeded);
      const form = await fixture<LsInviteForm>(
        html`<ls-invite-form .store=${store}></ls-invite-form>`,
      );
      await untilShadow(form, '[part="form"]');

      await fill(form, 'Early Bird', 'early.bird@example.org');
      partOf<HTMLInputElement>(form, 'license-checkbox').click();
      await form.updateComplete;
      submitButton(form).click();
      await form.updateComplete;
      const select = partOf<HTMLSelectElement>(form, 'pool-select');

      expect(store.state.licenses).to.equal(null);
      expect(messageFor(form, select)).to.contain('The license pools have not loaded yet.');
      expect(await findByEmail(client, 'early.bird@example.org')).to.deep.equal([]);
      await waitUntil(() => store.state.licenses !== null, 'the licenses did not load', {
        timeout: 5000,
      });
    });

    it('clears the message once fixed', async () => {
      const { form } = await renderPage(createStore(seeded));

      await typeInto(form, 'email', 'ada@');
      input(form, 'email').blur();
      await form.updateComplete;
      await typeInto(form, 'email', 'example.com');

      expect(input(form, 'email').getAttribute('aria-invalid')).to.equal('false');
      expect(messageFor(form, input(form, 'email'))).to.equal('');
    });
  });

  describe('inviting', () => {
    it('invites without a license', async () => {
      const { form, store } = await renderPage(createStore(seeded));
      const teamBefore = poolOf(store, TEAM_POOL).used;

      await fill(form, 'Ada Byron', 'ada.byron@example.org');
      submitButton(form).click();
      const event = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;
      const [member] = await findByEmail(client, 'ada.byron@example.org');

      expect(event.member.email).to.equal('ada.byron@example.org');
      expect(member?.status).to.equal('invited');
      expect(member?.role).to.equal('member');
      expect(member?.licenseId).to.equal(null);
      expect(poolOf(store, TEAM_POOL).used).to.equal(teamBefore);
    });

    it('moves seats in ls-licenses on the page', async () => {
      const { form, store, licenses } = await renderPage(createStore(seeded));
      const team = poolOf(store, TEAM_POOL);
      await licenses.updateComplete;

      expect(meterOf(licenses, TEAM_POOL).getAttribute('aria-valuenow')).to.equal(
        String(team.used),
      );

      await fill(form, 'Ada Byron', 'ada.byron@example.org');
      await chooseLicense(form, TEAM_POOL);
      submitButton(form).click();
      await oneEvent(form, 'ls-member-invited');
      await licenses.updateComplete;
      const [member] = await findByEmail(client, 'ada.byron@example.org');

      expect(member?.licenseId).to.equal(TEAM_POOL);
      expect(meterOf(licenses, TEAM_POOL).getAttribute('aria-valuenow')).to.equal(
        String(team.used + 1),
      );
      expect(meterOf(licenses, TEAM_POOL).getAttribute('aria-valuetext')).to.equal(
        `${team.used + 1} of ${team.seats} seats used`,
      );
    });

    it('sends the chosen role', async () => {
      const { form } = await renderPage(createStore(seeded));

      await fill(form, 'Root Admin', 'root.admin@example.org');
      shadowQuery<HTMLInputElement>(form, 'input[name="role"][value="admin"]')?.click();
      submitButton(form).click();
      await oneEvent(form, 'ls-member-invited');
      const [member] = await findByEmail(client, 'root.admin@example.org');

      expect(member?.role).to.equal('admin');
    });

    for (const email of [
      'ada+ops@example.org',
      'ada@mail.eu.example.co.uk',
      'a.b-c+d@sub.example.org',
    ]) {
      it(`accepts ${email}`, async () => {
        const { form } = await renderPage(createStore(seeded));

        await fill(form, 'Ada Plus', email);
        submitButton(form).click();
        const event = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;

        expect(event.member.email).to.equal(email);
        expect((await findByEmail(client, email)).length).to.equal(1);
      });
    }

    it('sends a pasted email trimmed', async () => {
      const { form } = await renderPage(createStore(seeded));

      await typeInto(form, 'name', 'Padded Person');
      await paste(form, 'email', ' \tpadded.person@example.org \t ');
      submitButton(form).click();
      const event = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;

      expect(event.member.email).to.equal('padded.person@example.org');
    });

    it('submits once on repeated Enter', async () => {
      const { form } = await renderPage(createStore(seeded));
      let invited = 0;
      form.addEventListener('ls-member-invited', () => invited++);
      await injectFault(seeded, { path: '/invitations', method: 'POST', delayMs: 600 });

      await fill(form, 'Enter Twice', 'enter.twice@example.org');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await untilIdle(form);

      expect(invited).to.equal(1);
      expect((await findByEmail(client, 'enter.twice@example.org')).length).to.equal(1);
    });

    it('leaves a host form unsubmitted', async () => {
      const store = createStore(seeded);
      let hostSubmits = 0;
      const host = await fixture<HTMLFormElement>(html`
        <form
          @submit=${(event: Event) => {
            hostSubmits++;
            event.preventDefault();
          }}
        >
          <ls-workspace .store=${store}><ls-invite-form></ls-invite-form></ls-workspace>
          <button type="submit">Host submit</button>
        </form>
      `);
      const form = host.querySelector('ls-invite-form') as LsInviteForm;
      await untilShadow(form, '[part="form"]');
      const url = location.href;

      await fill(form, 'Inside Host', 'inside.host@example.org');
      await sendKeys({ press: 'Enter' });
      await oneEvent(form, 'ls-member-invited');

      expect(hostSubmits).to.equal(0);
      expect(location.href).to.equal(url);
      expect((await findByEmail(client, 'inside.host@example.org')).length).to.equal(1);
    });

    it('marks the button busy while pending', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', delayMs: 800 });

      await fill(form, 'Busy Person', 'busy.person@example.org');
      submitButton(form).click();
      await form.updateComplete;
      const button = submitButton(form);

      expect(button.disabled).to.equal(true);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.querySelector('.spinner')?.hasAttribute('hidden')).to.equal(false);

      await untilIdle(form);

      expect(button.getAttribute('aria-busy')).to.equal('false');
      expect(button.querySelector('.spinner')?.hasAttribute('hidden')).to.equal(true);
    });

    it('locks the fields while pending', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', delayMs: 800 });

      await fill(form, 'Locked Person', 'locked.person@example.org');
      const checkbox = form.shadowRoot?.querySelector<HTMLInputElement>(
        '[part="license-checkbox"]',
      );
      submitButton(form).click();
      await form.updateComplete;
      const radios = [
        ...(form.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []),
      ];

      expect(input(form, 'name').readOnly).to.equal(true);
      expect(input(form, 'email').readOnly).to.equal(true);
      expect(radios.length).to.equal(2);
      expect(radios.every((radio) => radio.disabled)).to.equal(true);
      expect(checkbox?.disabled).to.equal(true);

      await untilIdle(form);

      expect(input(form, 'name').readOnly).to.equal(false);
      expect(input(form, 'email').readOnly).to.equal(false);
      expect(radios.some((radio) => radio.disabled)).to.equal(false);
      expect(checkbox?.disabled).to.equal(false);
    });

    it('clears the form and refocuses the name', async () => {
      const { form } = await renderPage(createStore(seeded));

      await fill(form, 'Clear Me', 'clear.me@example.org');
      await chooseLicense(form, ENTERPRISE_POOL);
      shadowQuery<HTMLInputElement>(form, 'input[name="role"][value="admin"]')?.click();
      submitButton(form).click();
      await oneEvent(form, 'ls-member-invited');
      await untilIdle(form);

      expect(input(form, 'name').value).to.equal('');
      expect(input(form, 'email').value).to.equal('');
      expect(partOf<HTMLInputElement>(form, 'license-checkbox').checked).to.equal(false);
      expect(shadowQuery<HTMLInputElement>(form, 'input[name="role"]:checked')?.value).to.equal(
        'member',
      );
      expect(shadowQueryAll(form, '[part="field-error"]').length).to.equal(0);
      expect(deepActiveElement()?.id).to.equal('name');
    });

    it('announces the invitation', async () => {
      const { form } = await renderPage(createStore(seeded));

      await fill(form, 'Ada Lovelace', 'ada.lovelace.2@example.org');
      submitButton(form).click();
      await oneEvent(form, 'ls-member-invited');
      await untilIdle(form);

      expect(textOf(shadowQuery(form, '[role="status"]'))).to.equal('Invited Ada Lovelace');
    });
  });

  describe('events', () => {
    it('fires ls-member-invited with the member', async () => {
      const { form } = await renderPage(createStore(seeded));

      await fill(form, 'Event Person', 'event.person@example.org');
      submitButton(form).click();
      const event = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;

      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.member.name).to.equal('Event Person');
      expect(event.member.status).to.equal('invited');
    });

    it('fires ls-error when the request fails', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', status: 500 });

      await fill(form, 'Error Person', 'error.person@example.org');
      submitButton(form).click();
      const event = (await oneEvent(form, 'ls-error')) as LsErrorEvent;

      expect(event.action).to.equal('invite');
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    });
  });

  describe('errors', () => {
    it('reports a pending invitation case-insensitively', async () => {
      await client.invite({ name: 'Name Surname', email: 'Name.Surname@Example.com' });
      const { form } = await renderPage(createStore(seeded));

      await fill(form, 'Someone Else', 'name.surname@example.com');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);
      const email = input(form, 'email');

      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(messageFor(form, email)).to.equal(
        'Name Surname already has a pending invitation to this workspace.',
      );
    });

    it('reports an existing member', async () => {
      const { form } = await renderPage(createStore(seeded));

      await fill(form, 'Grace Again', 'Grace.Hopper@Example.COM');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);

      expect(messageFor(form, input(form, 'email'))).to.equal(
        'Grace Hopper is already a member of this workspace.',
      );
    });

    it('keeps what was typed after a failure', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', status: 503 });

      await fill(form, 'Kept Person', 'kept.person@example.org');
      await chooseLicense(form, ENTERPRISE_POOL);
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);

      expect(input(form, 'name').value).to.equal('Kept Person');
      expect(input(form, 'email').value).to.equal('kept.person@example.org');
      expect(partOf<HTMLSelectElement>(form, 'pool-select').value).to.equal(ENTERPRISE_POOL);
    });

    it('reports no seats next to the pool picker', async () => {
      const { form } = await renderPage(createStore(seeded));
      await fill(form, 'Late Person', 'late.person@example.org');
      await chooseLicense(form, TEAM_POOL);
      // Another admin takes the last Team seat after the form showed it as free.
      await client.invite({
        name: 'Early Person',
        email: 'early.person@example.org',
        licenseId: TEAM_POOL,
      });

      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);
      const select = partOf<HTMLSelectElement>(form, 'pool-select');

      expect(select.getAttribute('aria-invalid')).to.equal('true');
      expect(messageFor(form, select)).to.equal(
        'No seats are left in the Team pool. Choose another pool or free a seat.',
      );
      expect(input(form, 'email').value).to.equal('late.person@example.org');
      expect(await findByEmail(client, 'late.person@example.org')).to.deep.equal([]);
    });

    it('maps validation_failed to the field', async () => {
      const ghost = {
        id: 'lic_ghost',
        plan: 'team',
        name: 'Ghost',
        seats: 5,
        used: 0,
        expiresAt: null,
      };
      const ghostly = withOverrides(client, {
        async listLicenses() {
          const licenses = await client.listLicenses();
          return { ...licenses, pools: [...licenses.pools, ghost] };
        },
      });
      const { form } = await renderPage(new WorkspaceStore(ghostly));

      await fill(form, 'Ghost Seat', 'ghost.seat@example.org');
      await chooseLicense(form, 'lic_ghost');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);
      const select = partOf<HTMLSelectElement>(form, 'pool-select');

      expect(select.getAttribute('aria-invalid')).to.equal('true');
      expect(messageFor(form, select)).to.contain('lic_ghost does not exist');
    });

    it('reports forbidden when no longer an admin', async () => {
      const { form, store } = await renderPage(createStore(seeded));
      // The signed-in admin demotes themselves elsewhere; this page still shows the form.
      const viewer = store.state.workspace?.viewer.memberId ?? '';
      const self = await client.getMember(viewer);
      await client.updateMember(viewer, { role: 'member' }, { version: self.version });

      await fill(form, 'Too Late', 'too.late@example.org');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);

      expect(textOf(shadowQuery(form, '[part="error"]'))).to.equal(
        'Only admins can invite people.',
      );
    });

    it('shows other errors above the button', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', status: 500 });

      await fill(form, 'Broken Server', 'broken.server@example.org');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);
      const alert = partOf(form, 'error');

      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain('Could not send the invitation.');
      expect(textOf(alert)).to.contain('injected a 500');
    });
  });

  describe('read-only', () => {
    it('shows members a notice instead', async () => {
      const store = createStore(seeded, seeded.memberToken);
      const { form } = await renderPage(store);

      expect(shadowQueryAll(form, 'form').length).to.equal(0);
      expect(textOf(partOf(form, 'notice'))).to.equal('Only admins can invite people.');
    });
  });

  describe('accessibility', () => {
    it('passes axe when empty', async () => {
      const { form } = await renderPage(createStore(seeded));

      await expect(form).to.be.accessible();
    });

    it('passes axe with messages', async () => {
      const { form } = await renderPage(createStore(seeded));

      submitButton(form).click();
      await form.updateComplete;

      await expect(form).to.be.accessible();
    });

    it('passes axe with the pool picker', async () => {
      const { form } = await renderPage(createStore(seeded));

      await chooseLicense(form, ENTERPRISE_POOL);

      await expect(form).to.be.accessible();
    });

    it('passes axe while busy', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', delayMs: 1500 });

      await fill(form, 'Busy Axe', 'busy.axe@example.org');
      submitButton(form).click();
      await form.updateComplete;

      await expect(form).to.be.accessible();
      await untilIdle(form);
    });

    it('passes axe with a server error', async () => {
      const { form } = await renderPage(createStore(seeded));
      await injectFault(seeded, { path: '/invitations', method: 'POST', status: 500 });

      await fill(form, 'Axe Error', 'axe.error@example.org');
      submitButton(form).click();
      await oneEvent(form, 'ls-error');
      await untilIdle(form);

      await expect(form).to.be.accessible();
    });

    it('passes axe when read-only', async () => {
      const { form } = await renderPage(createStore(seeded, seeded.memberToken));

      await expect(form).to.be.accessible();
    });
  });
});
