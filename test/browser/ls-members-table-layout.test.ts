import { expect, fixture, html } from '@open-wc/testing';

import '../../src/define.js';
import type { LsMembersTable } from '../../src/index.js';
import { part, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import { createStore, seedWorkspace } from './support/workspace.js';

describe('<ls-members-table>', () => {
  describe('right-to-left', () => {
    async function renderIn(direction: 'ltr' | 'rtl') {
      const seeded = await seedWorkspace();
      const store = createStore(seeded);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir=${direction}><ls-members-table .store=${store}></ls-members-table></div>`,
      );
      const table = wrapper.querySelector('ls-members-table') as LsMembersTable;
      await untilRows(table);
      await waitUntil(() => part(table, 'total') !== null, 'no member count');
      return table;
    }

    function chevronTransform(table: LsMembersTable): string {
      const icon = table.shadowRoot?.querySelector('[part="disclosure-button"] .icon');
      if (!icon) throw new Error('No disclosure chevron.');
      return getComputedStyle(icon).transform;
    }

    it('isolates the member count as one element', async () => {
      const table = await renderIn('rtl');
      const total = part(table, 'total');

      expect(total?.childElementCount).to.equal(0);
      expect(total?.textContent?.trim()).to.match(/^\d+ members$/);
      expect(getComputedStyle(total as Element).unicodeBidi).to.equal('isolate');
    });

    it('points a collapsed chevron the other way than in LTR', async () => {
      const ltr = chevronTransform(await renderIn('ltr'));
      const rtl = chevronTransform(await renderIn('rtl'));

      expect(ltr).to.not.equal('none');
      expect(rtl).to.not.equal('none');
      expect(rtl).to.not.equal(ltr);
    });
  });
});
