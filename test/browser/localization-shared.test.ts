import { configureLocalization, msg, type LocaleModule } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import { loadTemplates, useSharedLocalization, type LsLicenses } from '../../src/index.js';
import { waitUntil } from './support/wait-until.js';
import { createClient, seedWorkspace } from './support/workspace.js';

/** The host page's own German message, next to ls-admin's. */
const HOST_MESSAGES: LocaleModule = { templates: { 'host.greeting': 'Willkommen' } };

// A host that uses @lit/localize itself configures it once for the whole page, before any
// <ls-workspace> connects, and merges ls-admin's messages into its own.
const hostLocalization = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de', 'fr'],
  loadLocale: async (locale) => ({
    templates: {
      ...(await loadTemplates(locale)).templates,
      ...(locale === 'de' ? HOST_MESSAGES.templates : {}),
    },
  }),
});
useSharedLocalization(hostLocalization);

function headingOf(element: LsLicenses): string {
  return element.shadowRoot?.querySelector('#title')?.textContent?.trim() ?? '';
}

describe('shared localization', () => {
  it('renders the host locale', async () => {
    const seeded = await seedWorkspace();
    const workspace = await fixture(html`
      <ls-workspace workspace=${seeded.workspaceId} .client=${createClient(seeded)}>
        <ls-licenses></ls-licenses>
      </ls-workspace>
    `);
    const licenses = workspace.querySelector('ls-licenses') as LsLicenses;
    await waitUntil(() => headingOf(licenses) === 'Licenses', 'no English heading');

    await hostLocalization.setLocale('de');

    await waitUntil(() => headingOf(licenses) === 'Lizenzen', 'no German heading');
    expect(msg('Welcome', { id: 'host.greeting' })).to.equal('Willkommen');

    await hostLocalization.setLocale('fr');

    await waitUntil(() => headingOf(licenses) === 'Licenses', 'no English for fr');
  });

  it('rejects a second localization', () => {
    const other = { getLocale: () => 'en', setLocale: async () => {} };

    expect(() => useSharedLocalization(other)).to.throw(/configured @lit\/localize already/);
  });
});
