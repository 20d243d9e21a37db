import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';

import '../../src/invite-form/define.js';
import { WorkspaceStore, type Member, type WorkspaceClient } from '../../sdk/index.js';
import type { LsInviteForm } from '../../src/index.js';
import { withOverrides } from './support/client-overrides.js';
import { deepActiveElement, partOf, untilShadow } from './support/shadow-queries.js';
import {
  createClient,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

interface Rendered {
  form: LsInviteForm;
  /** The email of each `invite` call that the form made, in order. */
  calls: string[];
  /** The `submit` events that reached the host page's form. */
  hostSubmits: SubmitEvent[];
}

let seeded: SeededWorkspace;
let client: WorkspaceClient;

/**
 * Renders the invite form inside `wrap`'s markup, on a store whose client records the email
 * of every invitation it sends. A `<form class="host">` in that markup counts its submits and
 * cancels them, so that a submit of it cannot reload the test page.
 */
async function renderForm(
  wrap: (form: TemplateResult) => TemplateResult = (form) => form,
): Promise<Rendered> {
  const calls: string[] = [];
  const hostSubmits: SubmitEvent[] = [];
  const recording = withOverrides(client, {
    invite(request, options) {
      calls.push(request.email);
      return client.invite(request, options);
    },
  });
  const store = new WorkspaceStore(recording);
  const page = await fixture<HTMLElement>(
    html`<div>${wrap(html`<ls-invite-form .store=${store}></ls-invite-form>`)}</div>`,
  );
  page.querySelector('form.host')?.addEventListener('submit', (event) => {
    hostSubmits.push(event as SubmitEvent);
    event.preventDefault();
  });
  const form = page.querySelector('ls-invite-form') as LsInviteForm;
  await untilShadow(form, '[part="form"]');
  return { form, calls, hostSubmits };
}

const insideHostForm = (content: TemplateResult) => html`
  <form class="host" action="/host-form-target" method="post">
    <input name="host-field" class="host-field" />
    ${content}
    <button type="submit" class="host-submit">Save host page</button>
  </form>
`;

async function typeInto(form: LsInviteForm, field: 'name' | 'email', text: string) {
  partOf<HTMLInputElement>(form, `${field}-input`).focus();
  await sendKeys({ type: text });
}

async function untilIdle(form: LsInviteForm): Promise<void> {
  await waitUntil(
    () => !partOf<HTMLButtonElement>(form, 'submit-button').disabled,
    'the invitation did not finish',
  );
  await form.updateComplete;
}

async function membersWithEmail(email: string): Promise<Member[]> {
  const page = await client.listMembers({ query: email, limit: 10 });
  return page.items.filter((member) => member.email === email);
}

describe('<ls-invite-form> with Enter', () => {
  beforeEach(async () => {
    seeded = await seedWorkspace();
    client = createClient(seeded);
  });

  it('sends nothing while a field is invalid', async () => {
    const { form, calls } = await renderForm();

    await typeInto(form, 'name', 'Only A Name');
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    const email = partOf<HTMLInputElement>(form, 'email-input');

    expect(calls).to.deep.equal([]);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()?.id).to.equal('email');
  });

  it('sends once after the field is fixed', async () => {
    const { form, calls } = await renderForm();

    await typeInto(form, 'name', 'Fixed Later');
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    await typeInto(form, 'email', 'fixed.later@example.org');
    await sendKeys({ press: 'Enter' });
    await untilIdle(form);

    expect(calls).to.deep.equal(['fixed.later@example.org']);
    expect((await membersWithEmail('fixed.later@example.org')).length).to.equal(1);
  });

  it('sends once for Enter pressed repeatedly', async () => {
    const { form, calls } = await renderForm();
    await injectFault(seeded, { path: '/invitations', method: 'POST', delayMs: 600 });

    await typeInto(form, 'name', 'Impatient Person');
    await typeInto(form, 'email', 'impatient@example.org');
    for (let press = 0; press < 4; press++) await sendKeys({ press: 'Enter' });
    await untilIdle(form);
    // The form is empty after the invitation, so a late Enter only shows the messages.
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;

    expect(calls).to.deep.equal(['impatient@example.org']);
    expect((await membersWithEmail('impatient@example.org')).length).to.equal(1);
  });

  it('sends once with Enter on the role', async () => {
    const { form, calls } = await renderForm();

    await typeInto(form, 'name', 'Radio Person');
    await typeInto(form, 'email', 'radio.person@example.org');
    form.shadowRoot?.querySelector<HTMLInputElement>('input[name="role"][value="admin"]')?.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await untilIdle(form);

    const [member] = await membersWithEmail('radio.person@example.org');
    expect(calls).to.deep.equal(['radio.person@example.org']);
    expect(member?.role).to.equal('admin');
  });

  describe('inside a host form', () => {
    it('submits the host form from its own field', async () => {
      const { hostSubmits } = await renderForm(insideHostForm);

      document.querySelector<HTMLInputElement>('.host-field')?.focus();
      await sendKeys({ press: 'Enter' });

      // The control case: Enter in the page's own field does submit the page's form.
      expect(hostSubmits.length).to.equal(1);
    });

    it('leaves the host form alone on Enter', async () => {
      const { form, calls, hostSubmits } = await renderForm(insideHostForm);
      const url = location.href;

      await typeInto(form, 'name', 'Hosted Person');
      await typeInto(form, 'email', 'hosted.person@example.org');
      await sendKeys({ press: 'Enter' });
      await untilIdle(form);

      expect(hostSubmits.length).to.equal(0);
      expect(calls).to.deep.equal(['hosted.person@example.org']);
      expect(location.href).to.equal(url);
      expect((await membersWithEmail('hosted.person@example.org')).length).to.equal(1);
    });

    it('leaves the host form alone when invalid', async () => {
      const { form, calls, hostSubmits } = await renderForm(insideHostForm);

      await typeInto(form, 'name', 'No Email');
      await sendKeys({ press: 'Enter' });
      await form.updateComplete;

      expect(hostSubmits.length).to.equal(0);
      expect(calls).to.deep.equal([]);
      expect(deepActiveElement()?.id).to.equal('email');
    });

    it('leaves the host form alone on a click', async () => {
      const { form, calls, hostSubmits } = await renderForm(insideHostForm);

      await typeInto(form, 'name', 'Clicking Person');
      await typeInto(form, 'email', 'clicking.person@example.org');
      partOf<HTMLButtonElement>(form, 'submit-button').click();
      await untilIdle(form);

      expect(hostSubmits.length).to.equal(0);
      expect(calls).to.deep.equal(['clicking.person@example.org']);
    });

    it('keeps the host form from sending the fields', async () => {
      const { form, hostSubmits } = await renderForm(insideHostForm);

      await typeInto(form, 'name', 'Private Person');
      await typeInto(form, 'email', 'private.person@example.org');
      document.querySelector<HTMLButtonElement>('.host-submit')?.click();
      const host = document.querySelector<HTMLFormElement>('form.host') as HTMLFormElement;
      const fields = [...new FormData(host).keys()];

      expect(hostSubmits.length).to.equal(1);
      expect(fields).to.deep.equal(['host-field']);
    });
  });
});
