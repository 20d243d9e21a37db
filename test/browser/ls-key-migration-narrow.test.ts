import { expect, fixture, html } from '@open-wc/testing';

import '../../src/key-migration/define.js';
import { WorkspaceStore } from '../../sdk/index.js';
import type { LsKeyMigration } from '../../src/index.js';
import { setActiveLocale } from '../../src/i18n/localization.js';
import { waitUntil } from './support/wait-until.js';
import { createClient, seedWorkspace } from './support/workspace.js';

function licenseSelects(element: LsKeyMigration): HTMLSelectElement[] {
  return [
    ...(element.shadowRoot?.querySelectorAll<HTMLSelectElement>('[part="license-select"]') ?? []),
  ];
}

describe('<ls-key-migration> on a 360 px screen', () => {
  afterEach(async () => {
    await setActiveLocale('en');
  });

  it('shows the whole German pool option', async () => {
    await setActiveLocale('de');
    const seeded = await seedWorkspace();
    const store = new WorkspaceStore(createClient(seeded), { liveUpdates: false });
    const element = await fixture<LsKeyMigration>(
      html`<ls-key-migration style="width: 328px" .store=${store}></ls-key-migration>`,
    );
    await waitUntil(() => licenseSelects(element).length > 0, 'no license select shown');
    const select = licenseSelects(element)[0] as HTMLSelectElement;

    expect(select.selectedOptions[0]?.textContent?.trim()).to.match(/^Enterprise \(.* frei\)$/);
    // A closed select clips its text without any overflow to measure, so the check compares
    // the text's width in the select's font with the room left of the arrow, about 20 px.
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('No 2D canvas context to measure the text.');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const textWidth = context.measureText(
      select.selectedOptions[0]?.textContent?.trim() ?? '',
    ).width;
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    expect(textWidth).to.be.at.most(room);
  });
});
