import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import type { Member } from '../../sdk/index.js';
import type { LsInviteForm, LsMembersTable } from '../../src/index.js';
import { partOf, shadowQueryAll, textOf as shadowText } from './support/shadow-queries.js';
import { expandDetails, inRow } from './support/table-actions.js';
import { memberRows, part, rowOf, textOf, untilRows } from './support/table-queries.js';
import type { JsonPatch } from './support/reference-server-plugin.js';
import {
  createClient,
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

interface Targets {
  seeded: SeededWorkspace;
  /** The first three members of the table's first page, as the server lists them. */
  members: Member[];
}

async function seedTargets(): Promise<Targets> {
  const seeded = await seedWorkspace();
  const page = await createClient(seeded).listMembers();
  return { seeded, members: page.items.slice(0, 3) };
}

function memberAt(targets: Targets, index: number): Member {
  const member = targets.members[index];
  if (member === undefined) throw new Error(`The first page has no member ${index}.`);
  return member;
}

/** Makes every response of the workspace show the changes in `patches`, as a newer server would. */
async function serveNewValues(seeded: SeededWorkspace, patches: JsonPatch[]): Promise<void> {
  await injectFault(seeded, { path: '/v1/workspaces/', method: 'GET', patches, times: 1000 });
}

async function renderTable(seeded: SeededWorkspace): Promise<LsMembersTable> {
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${createStore(seeded)}></ls-members-table>`,
  );
  await untilRows(table);
  return table;
}

/** Records the messages of `console.warn` until the returned function is called. */
function recordWarnings(): { messages: string[]; stop: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.filter((arg) => typeof arg === 'string').join(' '));
  };
  return { messages, stop: () => (console.warn = original) };
}

describe('values the kit does not know yet', () => {
  it('renders every row with an unknown role', async () => {
    const targets = await seedTargets();
    const owner = memberAt(targets, 0);
    await serveNewValues(targets.seeded, [{ where: { id: owner.id }, set: { role: 'owner' } }]);

    const table = await renderTable(targets.seeded);
    const roleCell = rowOf(table, owner.id).querySelector('td[data-label="Role"]');

    expect(part(table, 'error')).to.equal(null);
    expect(memberRows(table).length).to.be.greaterThan(3);
    expect(textOf(roleCell)).to.equal('owner');
    expect(textOf(rowOf(table, memberAt(targets, 1).id))).to.contain(memberAt(targets, 1).email);
  });

  it('disables the menu of an unknown role', async () => {
    const targets = await seedTargets();
    const owner = memberAt(targets, 0);
    await serveNewValues(targets.seeded, [{ where: { id: owner.id }, set: { role: 'owner' } }]);
    const table = await renderTable(targets.seeded);

    const details = await expandDetails(table, owner.id);
    const roleButton = details.querySelector('[part="role-button"]');
    const reason = details.querySelector('[part="reason"]');

    expect(textOf(roleButton)).to.equal('owner');
    expect(roleButton?.getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(reason)).to.contain('“owner”');
    expect(roleButton?.getAttribute('aria-describedby')).to.equal(reason?.id);
  });

  it('shows an unknown status as received', async () => {
    const targets = await seedTargets();
    const paused = memberAt(targets, 1);
    await serveNewValues(targets.seeded, [
      { where: { id: paused.id }, set: { status: 'suspended' } },
    ]);

    const table = await renderTable(targets.seeded);
    const statusCell = rowOf(table, paused.id).querySelector('td[data-label="Status"]');

    expect(textOf(statusCell)).to.equal('suspended');
    expect(() => inRow(table, paused.id, '[part="resend-button"]')).to.throw();
    expect(() => inRow(table, paused.id, '[part="revoke-button"]')).to.throw();
  });

  it('warns once for each unknown value', async () => {
    const targets = await seedTargets();
    const [first, second, third] = [0, 1, 2].map((index) => memberAt(targets, index));
    await serveNewValues(targets.seeded, [
      { where: { id: first?.id }, set: { role: 'billing-admin' } },
      { where: { id: second?.id }, set: { role: 'billing-admin' } },
      { where: { id: third?.id }, set: { status: 'paused' } },
    ]);
    const warnings = recordWarnings();

    try {
      const table = await renderTable(targets.seeded);
      table.requestUpdate();
      await table.updateComplete;
    } finally {
      warnings.stop();
    }
    const about = (value: string) => warnings.messages.filter((message) => message.includes(value));

    expect(about('"billing-admin"').length).to.equal(1);
    expect(about('"paused"').length).to.equal(1);
    expect(about('"billing-admin"')[0]).to.match(/^<ls-members-table> /);
  });

  it('gives an unknown viewer role the read-only view', async () => {
    const seeded = await seedWorkspace();
    const viewer = (await createClient(seeded).getWorkspace()).viewer;
    await serveNewValues(seeded, [
      { where: { memberId: viewer.memberId, role: 'admin' }, set: { role: 'owner' } },
    ]);
    const store = createStore(seeded);

    const wrapper = await fixture<HTMLElement>(html`
      <ls-workspace .store=${store}>
        <ls-invite-form></ls-invite-form>
        <ls-members-table></ls-members-table>
      </ls-workspace>
    `);
    const form = wrapper.querySelector('ls-invite-form') as LsInviteForm;
    const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
    await untilRows(table);
    await form.updateComplete;

    expect(store.state.workspace?.viewer.role).to.equal('owner');
    expect(shadowText(partOf(form, 'notice'))).to.equal('Only admins can invite people.');
    expect(shadowQueryAll(table, '[part="assign-button"]').length).to.equal(0);
    expect(shadowQueryAll(table, '[part="resend-button"]').length).to.equal(0);
  });
});
