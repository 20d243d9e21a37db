import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import type { LsKeyMigration, LsUsersLicenses, LsWorkspace } from '../../src/index.js';
import { textOf } from './support/table-queries.js';
import { createClient, seedWorkspace, type SeededWorkspace } from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

const COMPOSED_TAGS = [
  'ls-invite-form',
  'ls-members-table',
  'ls-licenses',
  'ls-key-migration',
  'ls-auth-token',
] as const;

async function renderPage(seeded: SeededWorkspace, token = seeded.adminToken) {
  const workspace = await fixture<LsWorkspace>(html`
    <ls-workspace workspace=${seeded.workspaceId} .token=${token}>
      <ls-users-licenses></ls-users-licenses>
    </ls-workspace>
  `);
  const page = workspace.querySelector('ls-users-licenses') as LsUsersLicenses;
  await waitUntil(
    () => {
      const state = workspace.workspaceStore?.state;
      return state !== undefined && state.workspace !== null && state.migration !== null;
    },
    'the page did not load',
    { timeout: 5000 },
  );
  await page.updateComplete;
  return { workspace, page };
}

function shadow(element: Element): ShadowRoot {
  if (element.shadowRoot === null) throw new Error(`<${element.localName}> has no shadow root.`);
  return element.shadowRoot;
}

function migrationOf(page: LsUsersLicenses): LsKeyMigration | null {
  return shadow(page).querySelector('ls-key-migration');
}

/** Waits until the migration shows every member card with its name. */
async function untilMigrationShown(page: LsUsersLicenses): Promise<LsKeyMigration> {
  const migration = migrationOf(page);
  if (migration === null) throw new Error('The page has no <ls-key-migration>.');
  await waitUntil(
    () => {
      const cards = [...shadow(migration).querySelectorAll('[part="member"]')];
      return (
        cards.length > 0 && cards.every((card) => card.querySelector('.member-heading') !== null)
      );
    },
    'the migration members did not appear',
    { timeout: 5000 },
  );
  return migration;
}

function tableRow(page: LsUsersLicenses, memberId: string): Element | null {
  const table = shadow(page).querySelector('ls-members-table');
  return table?.shadowRoot?.querySelector(`tr[data-member-id="${memberId}"]`) ?? null;
}

describe('<ls-users-licenses>', () => {
  describe('rendering', () => {
    it('composes every element of the panel', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded);

      for (const tag of COMPOSED_TAGS) {
        expect(shadow(page).querySelector(tag), tag).not.to.equal(null);
        expect(customElements.get(tag), `${tag} is defined`).not.to.equal(undefined);
      }
    });

    it('heads the page and each section', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded);

      const headings = [...shadow(page).querySelectorAll('h1, h2')].map(
        (heading) => `${heading.localName} ${textOf(heading)}`,
      );

      expect(headings).to.deep.equal([
        'h1 Users & Licenses',
        'h2 Members',
        'h2 Licenses and API keys',
        'h2 Your auth token',
      ]);
    });

    it('nests element headings below sections', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded);
      const licenses = shadow(page).querySelector('ls-licenses');
      const token = shadow(page).querySelector('ls-auth-token');
      await waitUntil(
        () => licenses?.shadowRoot?.querySelector('.plan-heading') != null,
        'the license plans did not render',
      );

      const licensesTitle = licenses?.shadowRoot?.querySelector('#title');
      const planHeading = licenses?.shadowRoot?.querySelector('.plan-heading');
      const poolHeading = licenses?.shadowRoot?.querySelector('.pool-heading');
      const tokenTitle = token?.shadowRoot?.querySelector('#title');
      expect(`${licensesTitle?.localName} ${textOf(licensesTitle ?? null)}`).to.equal(
        'h3 Licenses',
      );
      expect(planHeading?.localName).to.equal('h4');
      expect(poolHeading?.localName).to.equal('h5');
      expect(`${tokenTitle?.localName} ${textOf(tokenTitle ?? null)}`).to.equal('h3 Auth token');
      for (const tag of ['ls-members-table', 'ls-key-migration']) {
        const title = shadow(page).querySelector(tag)?.shadowRoot?.querySelector('#title');
        expect(title?.localName, tag).to.equal('h3');
      }
    });

    it('names the workspace', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded);
      const info = await createClient(seeded).getWorkspace();

      expect(textOf(shadow(page).querySelector('.subtitle'))).to.equal(info.workspace.name);
    });

    it('uses the store of the enclosing workspace', async () => {
      const seeded = await seedWorkspace();
      const { workspace, page } = await renderPage(seeded);

      const migration = migrationOf(page);
      expect(migration?.store).to.equal(undefined);
      expect(workspace.workspaceStore?.state.migration).not.to.equal(null);
    });
  });

  describe('shared store', () => {
    it('shows migration changes in the table', async () => {
      const seeded = await seedWorkspace();
      const migrationData = await createClient(seeded).getMigration();
      const entry = migrationData.members.find((item) => item.step === 1);
      if (entry === undefined) throw new Error('The seeded migration has no member at step 1.');
      const { page } = await renderPage(seeded);
      const migration = await untilMigrationShown(page);
      await waitUntil(() => tableRow(page, entry.memberId) !== null, 'no table row', {
        timeout: 5000,
      });
      const before = textOf(tableRow(page, entry.memberId));

      shadow(migration)
        .querySelector<HTMLButtonElement>(
          `[data-member-id="${entry.memberId}"] [part="assign-button"]`,
        )
        ?.click();

      await waitUntil(
        () => textOf(tableRow(page, entry.memberId)) !== before,
        'the table row did not change',
        { timeout: 5000 },
      );
      expect(before).to.contain('No license');
      expect(textOf(tableRow(page, entry.memberId))).not.to.contain('No license');
    });
  });

  describe('read-only', () => {
    it('leaves the invite form out for members', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, seeded.memberToken);
      const migration = await untilMigrationShown(page);

      expect(shadow(page).querySelector('ls-invite-form')).to.equal(null);
      expect(shadow(page).querySelector('ls-members-table')).not.to.equal(null);
      expect(shadow(migration).querySelector('[part="assign-button"]')).to.equal(null);
      expect(textOf(shadow(page).querySelector('.subtitle'))).to.contain('read-only view');
    });
  });

  describe('accessibility', () => {
    it('passes axe as admin', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded);
      await untilMigrationShown(page);

      await expect(page).to.be.accessible();
    });

    it('passes axe as member', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, seeded.memberToken);
      await untilMigrationShown(page);

      await expect(page).to.be.accessible();
    });
  });
});
