import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import { isHttpError, type Member, type Role, type WorkspaceStore } from '../../sdk/index.js';
import type { LsMembersTable } from '../../src/index.js';
import { textOf } from './support/shadow-queries.js';
import { expandDetails, menuItems, openMenuFrom } from './support/table-actions.js';
import { rowOf, untilRows } from './support/table-queries.js';
import {
  createClient,
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', member: 'Member' };

/** One admin's view, with a store and table of its own as in a second browser. */
interface AdminView {
  store: WorkspaceStore;
  table: LsMembersTable;
}

interface Conflict {
  seeded: SeededWorkspace;
  /** The member both admins change, as both loaded them. */
  target: Member;
  first: AdminView;
  second: AdminView;
}

/**
 * Seeds a workspace with two admins, the seeded admin and the seeded member made an admin,
 * and renders one table for each on a store of their own. Both tables show the same active
 * member with the role `member`, at the same version.
 */
async function renderTwoAdmins(): Promise<Conflict> {
  const seeded = await seedWorkspace();
  const admin = createClient(seeded);
  const { viewer } = await createClient(seeded, seeded.memberToken).getWorkspace();
  const promoted = await admin.getMember(viewer.memberId);
  await admin.updateMember(promoted.id, { role: 'admin' }, { version: promoted.version });

  const page = await admin.listMembers({ status: 'active', role: 'member', limit: 100 });
  const target = page.items[0];
  if (target === undefined) throw new Error('The seeded workspace has no active member.');

  const firstStore = createStore(seeded);
  const secondStore = createStore(seeded, seeded.memberToken);
  const wrapper = await fixture<HTMLElement>(html`
    <div>
      <ls-members-table class="first" .store=${firstStore}></ls-members-table>
      <ls-members-table class="second" .store=${secondStore}></ls-members-table>
    </div>
  `);
  const views: AdminView[] = [
    { store: firstStore, table: wrapper.querySelector('.first') as LsMembersTable },
    { store: secondStore, table: wrapper.querySelector('.second') as LsMembersTable },
  ];
  for (const { store, table } of views) {
    await waitUntil(
      () => store.state.workspace?.viewer.role === 'admin' && store.state.licenses !== null,
      'a table did not load as an admin',
    );
    await untilRows(table);
    await expandDetails(table, target.id);
  }
  return { seeded, target, first: views[0] as AdminView, second: views[1] as AdminView };
}

/** Chooses `role` in the member's role menu, as the admin of `view` would. */
async function chooseRole(view: AdminView, memberId: string, role: Role): Promise<void> {
  const row = view.table.shadowRoot?.querySelector(`#details-${memberId}`);
  const trigger = row?.querySelector<HTMLElement>('[part="role-button"]');
  if (trigger === null || trigger === undefined) throw new Error('No role button in the details.');

  const menu = await openMenuFrom(view.table, trigger);
  const item = menuItems(menu).find((candidate) => textOf(candidate).startsWith(ROLE_LABELS[role]));
  if (item === undefined) throw new Error(`The role menu has no ${ROLE_LABELS[role]} item.`);
  item.click();
}

/** Waits until the member in the store has `role` and no change of it is pending. */
async function untilRole(view: AdminView, memberId: string, role: Role): Promise<void> {
  await waitUntil(() => {
    const member = view.store.state.members.items.find((item) => item.id === memberId);
    return member?.role === role && !view.store.state.pendingMemberIds.has(memberId);
  }, `the member did not become ${role}`);
  await view.table.updateComplete;
}

/** Has the first admin make the member each role of `roles` in turn, one after the other. */
async function firstAdminSets(conflict: Conflict, roles: Role[]): Promise<void> {
  for (const role of roles) {
    await chooseRole(conflict.first, conflict.target.id, role);
    await untilRole(conflict.first, conflict.target.id, role);
  }
}

/** Has the second admin choose `role` from the stale view, and waits for its error. */
async function secondAdminConflicts(
  conflict: Conflict,
  role: Role,
  errors: unknown[],
): Promise<void> {
  await chooseRole(conflict.second, conflict.target.id, role);
  await waitUntil(() => errors.length === 1, 'the second admin got no ls-error');
  await conflict.second.table.updateComplete;
}

function roleCell(view: AdminView, memberId: string): string {
  return textOf(rowOf(view.table, memberId).cells[1] ?? null);
}

function rowErrorText(view: AdminView): string {
  return textOf(view.table.shadowRoot?.querySelector('[part="row-error"] span') ?? null);
}

function collectErrors(view: AdminView): unknown[] {
  const errors: unknown[] = [];
  view.table.addEventListener('ls-error', (event) => errors.push(event.error));
  return errors;
}

describe('role conflict between two admins', () => {
  it('rejects the second change from the same version', async () => {
    const conflict = await renderTwoAdmins();
    const { seeded, target, first, second } = conflict;
    const errors = collectErrors(second);

    await firstAdminSets(conflict, ['admin']);
    await secondAdminConflicts(conflict, 'admin', errors);

    const stored = await createClient(seeded).getMember(target.id);
    const error = errors[0];
    expect(isHttpError(error) ? error.code : error).to.equal('version_conflict');
    expect(stored.role).to.equal('admin');
    expect(stored.version, 'one change applied').to.equal(target.version + 1);
    expect(rowErrorText(second)).to.equal(
      `Could not make ${target.name} an admin. Someone else changed this member meanwhile. ` +
        'Their role is now Admin. Repeat the change if it is still needed.',
    );
    expect(roleCell(second, target.id), 'the second table shows the current role').to.equal(
      'Admin',
    );
    expect(roleCell(first, target.id)).to.equal('Admin');
  });

  it('keeps the first admin role over a stale one', async () => {
    const conflict = await renderTwoAdmins();
    const { seeded, target, second } = conflict;
    const errors = collectErrors(second);

    // The first admin makes the member an admin and then a member again, so the second
    // admin's stale change to admin would differ from what is stored.
    await firstAdminSets(conflict, ['admin', 'member']);
    await secondAdminConflicts(conflict, 'admin', errors);

    const stored = await createClient(seeded).getMember(target.id);
    expect(stored.role, 'the stored role').to.equal('member');
    expect(stored.version, 'two changes applied').to.equal(target.version + 2);
    expect(rowErrorText(second)).to.equal(
      `Could not make ${target.name} an admin. Someone else changed this member meanwhile. ` +
        'Their role is now Member. Repeat the change if it is still needed.',
    );
    expect(roleCell(second, target.id)).to.equal('Member');
  });

  it('names no role when the reload fails', async () => {
    const conflict = await renderTwoAdmins();
    const { seeded, target, second } = conflict;
    const errors = collectErrors(second);
    await firstAdminSets(conflict, ['admin']);
    // The store reads the member again after the conflict, and this read fails.
    await injectFault(seeded, { path: `/members/${target.id}`, method: 'GET', status: 500 });

    await secondAdminConflicts(conflict, 'admin', errors);
    await untilRole(second, target.id, 'member');

    expect(rowErrorText(second)).to.equal(
      `Could not make ${target.name} an admin. Someone else changed this member meanwhile. ` +
        'Load the list again, then repeat the change.',
    );
    expect(roleCell(second, target.id)).to.equal('Member');
  });

  it('applies the change when repeated', async () => {
    const conflict = await renderTwoAdmins();
    const { seeded, target, second } = conflict;
    const errors = collectErrors(second);
    await firstAdminSets(conflict, ['admin', 'member']);
    await secondAdminConflicts(conflict, 'admin', errors);

    await chooseRole(second, target.id, 'admin');
    await untilRole(second, target.id, 'admin');

    const stored = await createClient(seeded).getMember(target.id);
    expect(errors.length, 'no second conflict').to.equal(1);
    expect(stored.role).to.equal('admin');
    expect(stored.version).to.equal(target.version + 3);
  });
});
