import { expect, fixture, html } from '@open-wc/testing';

import '../../src/members-table/define.js';
import { WorkspaceStore, type Member } from '../../sdk/index.js';
import type { LsMembersTable } from '../../src/index.js';
import { formatDateTime, formatRelativeTime } from '../../src/i18n/format.js';
import { expandDetails } from './support/table-actions.js';
import { textOf, untilRows } from './support/table-queries.js';
import { createClient, seedWorkspace, type SeededWorkspace } from './support/workspace.js';

/** Activates a license with `token`, as a member's command-line tool does. */
async function activateWith(seeded: SeededWorkspace, token: string): Promise<void> {
  // Activation needs no session; the member's session token only routes the request to the
  // seeded workspace's server in the test runner.
  const response = await fetch('/v1/license/activate', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${seeded.memberToken}`,
    },
    body: JSON.stringify({ credentials: { type: 'auth-token', token } }),
  });
  if (!response.ok) throw new Error(`The activation returned ${response.status}.`);
}

async function memberById(seeded: SeededWorkspace, memberId: string): Promise<Member> {
  const members = await createClient(seeded).listMembers({ limit: 100 });
  const member = members.items.find((each) => each.id === memberId);
  if (member === undefined) throw new Error(`No member ${memberId}.`);
  return member;
}

/** Returns the text of the definition whose term is `term` in the member's details. */
function definition(details: HTMLElement, term: string): string {
  const entry = [...details.querySelectorAll('dl > div')].find(
    (each) => textOf(each.querySelector('dt')) === term,
  );
  if (entry === undefined) throw new Error(`The details list no "${term}".`);
  return textOf(entry.querySelector('dd'));
}

describe('member details after a rotation', () => {
  let seeded: SeededWorkspace;
  let memberId: string;
  let usedHint: string;

  beforeEach(async () => {
    seeded = await seedWorkspace();
    const client = createClient(seeded, seeded.memberToken);
    const used = await client.rotateOwnAuthToken();
    await activateWith(seeded, used.token);
    await client.rotateOwnAuthToken({ gracePeriodSeconds: 3600 });
    memberId = (await client.getWorkspace()).viewer.memberId;
    usedHint = used.hint;
  });

  async function openDetails(): Promise<HTMLElement> {
    const store = new WorkspaceStore(createClient(seeded), { liveUpdates: false });
    const table = await fixture<LsMembersTable>(
      html`<ls-members-table .store=${store}></ls-members-table>`,
    );
    await untilRows(table);
    return expandDetails(table, memberId);
  }

  it('names the replaced token that was used', async () => {
    const member = await memberById(seeded, memberId);
    const details = await openDetails();
    const ago = formatRelativeTime(member.lastCredentialUse?.usedAt ?? '');

    expect(member.authToken?.hint).to.not.equal(usedHint);
    expect(definition(details, 'Last credential used')).to.equal(`Auth token ${usedHint}, ${ago}`);
  });

  it('shows the previous token in its grace period', async () => {
    const member = await memberById(seeded, memberId);
    const details = await openDetails();
    const until = formatDateTime(member.authToken?.previous?.expiresAt ?? '');

    expect(definition(details, 'Previous auth token')).to.match(
      new RegExp(`^${usedHint}, works until ${until}, last used `),
    );
  });

  it('shows the current token unused', async () => {
    const member = await memberById(seeded, memberId);
    const details = await openDetails();

    expect(definition(details, 'Auth token')).to.equal(`${member.authToken?.hint}, never used`);
  });
});
