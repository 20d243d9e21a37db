import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import { formatNumber, formatRelativeTime } from '../../src/i18n/format.js';
import { activeLocale, setActiveLocale } from '../../src/i18n/localization.js';
import type { LsUsersLicenses, LsWorkspace } from '../../src/index.js';
import { withOverrides } from './support/client-overrides.js';
import { elementsDeep } from './support/deep-dom.js';
import { textOf } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import { createClient, seedWorkspace, type SeededWorkspace } from './support/workspace.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A seat count large enough that German groups its digits, as "12.500". */
const LARGE_SEAT_COUNT = 12_500;

/** Returns a client whose first license pool has `LARGE_SEAT_COUNT` seats. */
function withLargePool(seeded: SeededWorkspace) {
  const client = createClient(seeded);
  return withOverrides(client, {
    async listLicenses() {
      const licenses = await client.listLicenses();
      const pools = licenses.pools.map((pool, index) =>
        index === 0 ? { ...pool, seats: LARGE_SEAT_COUNT } : pool,
      );
      return { ...licenses, pools };
    },
  });
}

async function renderPage(seeded: SeededWorkspace, locale: string | undefined) {
  const workspace = await fixture<LsWorkspace>(html`
    <ls-workspace
      workspace=${seeded.workspaceId}
      locale=${locale ?? ''}
      .client=${withLargePool(seeded)}
    >
      <ls-users-licenses></ls-users-licenses>
    </ls-workspace>
  `);
  if (locale === undefined) workspace.removeAttribute('locale');
  const page = workspace.querySelector('ls-users-licenses') as LsUsersLicenses;
  await waitUntil(() => {
    const state = workspace.workspaceStore?.state;
    return state?.workspace != null && state.licenses !== null && state.migration !== null;
  }, 'the page did not load');
  return { workspace, page };
}

/** Returns the element with `tag` anywhere in the page, shadow roots included. */
function inner(page: Element, tag: string): HTMLElement {
  const found = elementsDeep(page.shadowRoot ?? page).find((element) => element.localName === tag);
  if (found === undefined) throw new Error(`The page has no <${tag}>.`);
  return found as HTMLElement;
}

function textIn(page: Element, tag: string): string {
  return textOf(inner(page, tag).shadowRoot as unknown as Element);
}

function headingOf(page: Element, tag: string): string {
  return textOf(inner(page, tag).shadowRoot?.querySelector('#title') ?? null);
}

/** Waits until the page shows the text of the migration's member cards, which load last. */
async function untilMigrationShown(page: Element, pattern: RegExp): Promise<void> {
  await waitUntil(
    () => pattern.test(textIn(page, 'ls-key-migration')),
    `the migration did not show ${pattern}`,
  );
}

describe('localization', () => {
  afterEach(async () => {
    document.documentElement.removeAttribute('lang');
    await setActiveLocale('en');
  });

  describe('German', () => {
    it('renders each element in German', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, 'de');
      await waitUntil(() => headingOf(page, 'ls-members-table') === 'Workspace-Mitglieder');

      expect(textOf(page.shadowRoot?.querySelector('h1') ?? null)).to.equal('Benutzer & Lizenzen');
      expect(textIn(page, 'ls-members-table')).to.contain('Rolle');
      expect(textIn(page, 'ls-invite-form')).to.contain('In den Workspace einladen');
      expect(headingOf(page, 'ls-licenses')).to.equal('Lizenzen');
      expect(textIn(page, 'ls-licenses')).to.contain('Plätzen belegt');
      expect(headingOf(page, 'ls-key-migration')).to.equal(
        'Umstieg von alten API-Schlüsseln auf Auth-Tokens',
      );
      expect(headingOf(page, 'ls-auth-token')).to.equal('Auth-Token');
      expect(textIn(page, 'ls-auth-token')).to.contain('Token erneuern');
    });

    it('sets lang on each element', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, 'de');
      await waitUntil(() => page.lang === 'de', 'the page did not get lang="de"');

      for (const tag of ['ls-members-table', 'ls-invite-form', 'ls-licenses', 'ls-auth-token']) {
        expect(inner(page, tag).lang, tag).to.equal('de');
      }
    });

    it('translates the confirm dialog', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, 'de');
      const token = inner(page, 'ls-auth-token');
      const rotate = () =>
        token.shadowRoot?.querySelector<HTMLButtonElement>('[part="rotate-button"]') ?? null;
      await waitUntil(() => rotate()?.disabled === false, 'the token did not load');

      rotate()?.click();
      const dialog = inner(token, 'ls-confirm-dialog');
      await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open === true);

      expect(textOf(dialog.shadowRoot?.querySelector('[part="heading"]') ?? null)).to.equal(
        'Auth-Token erneuern?',
      );
      const cancel = dialog.shadowRoot?.querySelector<HTMLButtonElement>('[part="cancel-button"]');
      expect(textOf(cancel ?? null)).to.equal('Abbrechen');
      cancel?.click();
    });

    it('formats relative times in German', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, 'de');

      await untilMigrationShown(page, /zuletzt (vor \d+ Tagen|gestern) verwendet/);
      const threeDaysAgo = new Date(Date.now() - 3 * DAY_MS).toISOString();
      expect(formatRelativeTime(threeDaysAgo)).to.equal('vor 3 Tagen');
    });

    it('groups digits the German way', async () => {
      const seeded = await seedWorkspace();
      const { page } = await renderPage(seeded, 'de');
      await waitUntil(() => headingOf(page, 'ls-licenses') === 'Lizenzen');

      expect(textIn(page, 'ls-licenses')).to.contain('12.500 Plätzen belegt');
      expect(formatNumber(LARGE_SEAT_COUNT)).to.equal('12.500');
    });
  });

  describe('switching', () => {
    it('switches back to English live', async () => {
      const seeded = await seedWorkspace();
      const { workspace, page } = await renderPage(seeded, 'de');
      await waitUntil(() => headingOf(page, 'ls-licenses') === 'Lizenzen');

      workspace.locale = 'en';

      await waitUntil(() => headingOf(page, 'ls-licenses') === 'Licenses', 'no English heading');
      expect(headingOf(page, 'ls-members-table')).to.equal('Workspace Members');
      expect(textIn(page, 'ls-licenses')).to.contain('12,500 seats used');
      expect(inner(page, 'ls-licenses').lang).to.equal('en');
      expect(workspace.getAttribute('locale')).to.equal('en');
    });

    it('follows the page language without a locale', async () => {
      document.documentElement.lang = 'de-AT';
      const seeded = await seedWorkspace();
      const { workspace, page } = await renderPage(seeded, undefined);

      await waitUntil(() => headingOf(page, 'ls-licenses') === 'Lizenzen', 'no German heading');
      expect(workspace.hasAttribute('locale')).to.equal(false);
      expect(activeLocale()).to.equal('de');
    });

    it('falls back to English for an unsupported locale', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const seeded = await seedWorkspace();
        const { page } = await renderPage(seeded, 'xx-unsupported');
        await waitUntil(() => headingOf(page, 'ls-licenses') === 'Licenses', 'no English heading');
      } finally {
        console.warn = warn;
      }

      expect(activeLocale()).to.equal('en');
      const messages = warnings.map((args) => String(args[0]));
      const localeWarnings = messages.filter((message) => message.includes('"xx-unsupported"'));
      expect(localeWarnings).to.have.length(1);
      expect(localeWarnings[0]).to.match(/^<ls-workspace> has no messages in the locale/);
    });
  });
});
