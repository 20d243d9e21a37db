import { expect, fixture, html } from '@open-wc/testing';

import '../../src/licenses/define.js';
import '../../src/members-table/define.js';
import '../../src/workspace/define.js';
import type { WorkspaceStore } from '../../sdk/index.js';
import type { LsMembersTable, LsWorkspace } from '../../src/index.js';
import { memberRows, textOf, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import { seedWorkspace, type SeededWorkspace } from './support/workspace.js';

interface AdminPage {
  workspace: LsWorkspace;
  store: WorkspaceStore;
  table: LsMembersTable;
}

/** Renders one admin's members table and licenses, as a host page would. */
async function renderAdminPage(seeded: SeededWorkspace): Promise<AdminPage> {
  const wrapper = await fixture<HTMLElement>(html`
    <div>
      <ls-workspace workspace=${seeded.workspaceId} .token=${seeded.adminToken}>
        <ls-members-table></ls-members-table>
        <ls-licenses></ls-licenses>
      </ls-workspace>
    </div>
  `);
  const workspace = wrapper.querySelector('ls-workspace') as LsWorkspace;
  const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
  await untilRows(table);
  const store = workspace.workspaceStore;
  if (store === undefined) throw new Error('<ls-workspace> provides no store.');
  return { workspace, store, table };
}

const rowNamed = (table: LsMembersTable, name: string) =>
  memberRows(table).find((row) => textOf(row).includes(name));

describe('<ls-workspace> live updates', () => {
  it('shows another page’s invitation', async () => {
    const seeded = await seedWorkspace();
    const first = await renderAdminPage(seeded);
    const second = await renderAdminPage(seeded);
    await waitUntil(() => second.store.state.live === 'open', 'the second page is not live');

    await first.store.invite({ name: 'Aaron Aalto', email: 'aaron.aalto@example.net' });

    await waitUntil(
      () => rowNamed(second.table, 'Aaron Aalto') !== undefined,
      'the second page does not list the invitee',
    );
    expect(textOf(rowNamed(second.table, 'Aaron Aalto') ?? null)).to.include('Invitation pending');
  });

  it('closes the stream with its elements', async () => {
    const seeded = await seedWorkspace();
    const page = await renderAdminPage(seeded);
    await waitUntil(() => page.store.state.live === 'open', 'the page is not live');

    page.workspace.remove();

    await waitUntil(() => page.store.state.live === 'off', 'the stream stayed open');
  });
});
