import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/invite-form/define.js';
import '../../src/members-table/define.js';
import '../../src/workspace/define.js';
import {
  createWorkspaceClient,
  isTimeoutError,
  WorkspaceStore,
  type WorkspaceClient,
} from '../../sdk/index.js';
import type {
  LsErrorEvent,
  LsInviteForm,
  LsMemberInvitedEvent,
  LsMembersTable,
} from '../../src/index.js';
import { submitButton, typeInto, untilIdle } from './support/invite-form-actions.js';
import { partOf, textOf } from './support/shadow-queries.js';
import { memberRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import {
  createClient,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

/** The client's timeout; the held response arrives a second after it. */
const TIMEOUT_MS = 800;

const PERSON = { name: 'Late Reply', email: 'late.reply@example.org' };

interface Page {
  form: LsInviteForm;
  table: LsMembersTable;
}

/** Renders the form and the table on one store whose member list searches for `PERSON`. */
async function renderPage(seeded: SeededWorkspace): Promise<Page> {
  const client = createWorkspaceClient({
    baseUrl: location.origin,
    workspaceId: seeded.workspaceId,
    token: seeded.adminToken,
    timeout: TIMEOUT_MS,
    retry: 0,
  });
  const store = new WorkspaceStore(client);
  await store.setQuery({ query: PERSON.email });
  await store.load();

  const wrapper = await fixture<HTMLElement>(html`
    <div>
      <ls-workspace .store=${store}>
        <ls-invite-form></ls-invite-form>
        <ls-members-table></ls-members-table>
      </ls-workspace>
    </div>
  `);
  const form = wrapper.querySelector('ls-invite-form') as LsInviteForm;
  const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
  await form.updateComplete;
  await table.updateComplete;
  return { form, table };
}

async function fill(form: LsInviteForm): Promise<void> {
  await typeInto(form, 'name', PERSON.name);
  await typeInto(form, 'email', PERSON.email);
}

async function invitationsTo(client: WorkspaceClient, email: string) {
  const page = await client.listMembers({ query: email });
  return page.items.filter((member) => member.email === email);
}

describe('invite form when the response arrives after the timeout', () => {
  let seeded: SeededWorkspace;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    await injectFault(seeded, {
      path: '/invitations',
      method: 'POST',
      holdResponseMs: TIMEOUT_MS + 1000,
    });
  });

  it('says the invitation may have been sent', async () => {
    const { form } = await renderPage(seeded);

    await fill(form);
    submitButton(form).click();
    const failure = (await oneEvent(form, 'ls-error')) as LsErrorEvent;
    await untilIdle(form);
    const alert = textOf(partOf(form, 'error'));

    expect(isTimeoutError(failure.error)).to.equal(true);
    expect(alert).to.contain(`The invitation to ${PERSON.email} may have been sent`);
    expect(alert).not.to.contain('Could not send');
  });

  it('shows the stored invitation in the table', async () => {
    const { form, table } = await renderPage(seeded);
    expect(memberRows(table).length).to.equal(0);

    await fill(form);
    submitButton(form).click();
    await oneEvent(form, 'ls-error');

    await waitUntil(() => memberRows(table).length === 1, 'the table did not show the invitation');
    expect(textOf(memberRows(table)[0] ?? null)).to.contain(PERSON.email);
  });

  it('submitting again leaves one invitation', async () => {
    const { form } = await renderPage(seeded);
    await fill(form);
    submitButton(form).click();
    await oneEvent(form, 'ls-error');
    await untilIdle(form);

    submitButton(form).click();
    const invited = (await oneEvent(form, 'ls-member-invited')) as LsMemberInvitedEvent;
    const stored = await invitationsTo(createClient(seeded), PERSON.email);

    expect(stored.map((member) => member.id)).to.deep.equal([invited.member.id]);
    expect(stored[0]?.status).to.equal('invited');
  });
});
