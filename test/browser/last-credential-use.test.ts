import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import type { Member, WorkspaceClient } from '../../sdk/index.js';
import type { LsKeyMigration, LsMembersTable } from '../../src/index.js';
import { formatDateTime, formatRelativeTime } from '../../src/i18n/format.js';
import { expandDetails } from './support/table-actions.js';
import { textOf, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import {
  createClient,
  createStore,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

/** Lists the seeded members, each with the credential their tools last used. */
async function listMembers(client: WorkspaceClient): Promise<Member[]> {
  return [...(await client.listMembers({ limit: 100 })).items];
}

function memberWith(members: Member[], credential: string | null): Member {
  const member = members.find(
    (each) =>
      each.status === 'active' && (each.lastCredentialUse?.credential ?? null) === credential,
  );
  if (member === undefined)
    throw new Error(`The seeded workspace has no member with ${credential}.`);
  return member;
}

/**
 * Makes the demo member's tools activate with their previous auth token during a 1-hour grace
 * period. Returns the member's id and the grace period's end.
 */
async function activateWithPreviousToken(seeded: SeededWorkspace) {
  const member = createClient(seeded, seeded.memberToken);
  const old = await member.rotateOwnAuthToken();
  const fresh = await member.rotateOwnAuthToken({ gracePeriodSeconds: 3600 });
  // The test runner routes a request to the seeded workspace's server by its bearer token, and
  // activation needs none, so the request carries the member's session token only for routing.
  const activation = await fetch('/v1/license/activate', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${seeded.memberToken}`,
    },
    body: JSON.stringify({ credentials: { type: 'auth-token', token: old.token } }),
  });
  if (!activation.ok) throw new Error(`The activation returned ${activation.status}.`);
  if (fresh.previous === null) throw new Error('The rotation kept no previous token.');
  const { viewer } = await member.getWorkspace();
  return { memberId: viewer.memberId, graceEnd: fresh.previous.expiresAt };
}

/** Formats how long ago the member's tools last activated, as the elements write it. */
function ago(member: Member): string {
  return formatRelativeTime(member.lastCredentialUse?.usedAt ?? '');
}

async function renderTable(seeded: SeededWorkspace): Promise<LsMembersTable> {
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${createStore(seeded)}></ls-members-table>`,
  );
  await untilRows(table);
  return table;
}

async function lastUseInDetails(table: LsMembersTable, member: Member): Promise<string> {
  const details = await expandDetails(table, member.id);
  return textOf(details.querySelector('.last-credential-use'));
}

describe('last credential use', () => {
  let seeded: SeededWorkspace;
  let members: Member[];

  beforeEach(async () => {
    seeded = await seedWorkspace();
    members = await listMembers(createClient(seeded));
  });

  describe('in the member details', () => {
    it('names the legacy key with the relative time', async () => {
      const table = await renderTable(seeded);

      const member = memberWith(members, 'api-key');

      const text = await lastUseInDetails(table, member);

      expect(text).to.equal(`Legacy API key, ${ago(member)}`);
    });

    it('names the current auth token', async () => {
      const table = await renderTable(seeded);

      const member = memberWith(members, 'auth-token');

      const text = await lastUseInDetails(table, member);

      expect(text).to.equal(`Auth token, ${ago(member)}`);
    });

    it('names the previous auth token with its grace end', async () => {
      const table = await renderTable(seeded);
      const member = memberWith(members, 'previous-auth-token');
      const graceEnd = member.authToken?.previous?.expiresAt ?? '';

      const text = await lastUseInDetails(table, member);

      expect(text).to.equal(
        `Previous auth token (in grace until ${formatDateTime(graceEnd)}), 1 hour ago`,
      );
    });

    it('says when the tools never activated', async () => {
      const table = await renderTable(seeded);

      const text = await lastUseInDetails(table, memberWith(members, null));

      expect(text).to.equal('Never used');
    });

    it('passes axe with the details open', async () => {
      const table = await renderTable(seeded);
      await expandDetails(table, memberWith(members, 'previous-auth-token').id);

      await expect(table).to.be.accessible();
    });
  });

  describe('in the migration view', () => {
    async function renderMigration(): Promise<LsKeyMigration> {
      const element = await fixture<LsKeyMigration>(
        html`<ls-key-migration .store=${createStore(seeded)}></ls-key-migration>`,
      );
      await waitUntil(
        () => element.shadowRoot?.querySelector('[part="last-credential-use"]') != null,
        'no member shows the last credential used',
      );
      return element;
    }

    function lastUseOf(element: LsKeyMigration, memberId: string): string {
      const card = element.shadowRoot?.querySelector(`[data-member-id="${memberId}"]`) ?? null;
      return textOf(card?.querySelector('[part="last-credential-use"]') ?? null);
    }

    it('shows the last use of each member', async () => {
      const withKey = memberWith(
        members.filter((member) => member.legacyKey !== null),
        'api-key',
      );
      const withToken = memberWith(
        members.filter((member) => member.legacyKey !== null),
        'auth-token',
      );
      const never = memberWith(
        members.filter((member) => member.legacyKey !== null),
        null,
      );

      const element = await renderMigration();

      expect(lastUseOf(element, withKey.id)).to.equal(
        `Last credential used: Legacy API key, ${ago(withKey)}`,
      );
      expect(lastUseOf(element, withToken.id)).to.equal(
        `Last credential used: Auth token, ${ago(withToken)}`,
      );
      expect(lastUseOf(element, never.id)).to.equal('Last credential used: Never used');
    });

    it('shows the previous auth token in its grace period', async () => {
      const { memberId, graceEnd } = await activateWithPreviousToken(seeded);

      const element = await renderMigration();

      expect(lastUseOf(element, memberId)).to.equal(
        `Last credential used: Previous auth token (in grace until ${formatDateTime(graceEnd)}), now`,
      );
    });

    it('passes axe', async () => {
      const element = await renderMigration();

      await expect(element).to.be.accessible();
    });
  });
});
