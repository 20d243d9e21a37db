import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import type { LsMembersTable, LsWorkspace } from '../../src/index.js';
import { part, untilRows } from './support/table-queries.js';
import { createStore, seedWorkspace } from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

async function renderWorkspace(workspaceId: string, token?: string) {
  const workspace = await fixture<LsWorkspace>(html`
    <ls-workspace workspace=${workspaceId} .token=${token}>
      <ls-members-table></ls-members-table>
    </ls-workspace>
  `);
  const table = workspace.querySelector('ls-members-table') as LsMembersTable;
  return { workspace, table };
}

describe('<ls-workspace>', () => {
  it('provides no store without a token', async () => {
    const { workspace, table } = await renderWorkspace('ws_missing');

    expect(workspace.workspaceStore).to.equal(undefined);
    expect(part(table, 'table')?.getAttribute('aria-busy')).to.equal('true');
  });

  it('creates a store from its attributes', async () => {
    const seeded = await seedWorkspace();
    const { workspace, table } = await renderWorkspace(seeded.workspaceId, seeded.adminToken);

    await untilRows(table);

    expect(workspace.workspaceStore?.workspaceId).to.equal(seeded.workspaceId);
  });

  it('replaces the store when the token changes', async () => {
    const seeded = await seedWorkspace();
    const { workspace, table } = await renderWorkspace(seeded.workspaceId, seeded.adminToken);
    await untilRows(table);
    const adminStore = workspace.workspaceStore;

    workspace.token = seeded.memberToken;
    await workspace.updateComplete;
    await waitUntil(
      () => workspace.workspaceStore?.state.workspace?.viewer.role === 'member',
      'the member store did not load',
    );

    expect(workspace.workspaceStore).not.to.equal(adminStore);
    await untilRows(table);
    expect(part(table, 'unassign-button')).to.equal(null);
  });

  it('provides a ready store as given', async () => {
    const seeded = await seedWorkspace();
    const store = createStore(seeded);

    const workspace = await fixture<LsWorkspace>(html`
      <ls-workspace .store=${store}><ls-members-table></ls-members-table></ls-workspace>
    `);
    const table = workspace.querySelector('ls-members-table') as LsMembersTable;
    await untilRows(table);

    expect(workspace.workspaceStore).to.equal(store);
  });
});
