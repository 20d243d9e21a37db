import { expect, fixture, html } from '@open-wc/testing';

import '../../src/members-table/define.js';
import { WorkspaceStore } from '../../sdk/index.js';
import type { LsMembersTable } from '../../src/index.js';
import { setActiveLocale } from '../../src/i18n/localization.js';
import { shadowQuery, textOf } from './support/shadow-queries.js';
import { memberRows, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import {
  createClient,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

const NOTICE = 'Live updates paused. Reconnecting…';

/** Renders the table on a store with live updates on, as a host page would. */
async function renderLiveTable(seeded: SeededWorkspace, width = 800) {
  const store = new WorkspaceStore(createClient(seeded), { liveUpdates: true });
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table
      style="display: block; width: ${width}px"
      .store=${store}
    ></ls-members-table>`,
  );
  await untilRows(table);
  return { store, table };
}

function noticeOf(table: LsMembersTable): HTMLElement {
  const notice = shadowQuery<HTMLElement>(table, '[part="live-notice"]');
  if (notice === null) throw new Error('<ls-members-table> has no live notice.');
  return notice;
}

function firstRowTop(table: LsMembersTable): number {
  const row = memberRows(table)[0];
  if (row === undefined) throw new Error('<ls-members-table> shows no rows.');
  return row.getBoundingClientRect().top;
}

describe('<ls-members-table> live notice', () => {
  let seeded: SeededWorkspace;

  beforeEach(async () => {
    seeded = await seedWorkspace();
  });

  it('shows while the stream reconnects', async () => {
    await injectFault(seeded, { path: '/events', status: 503, times: 2 });
    const { store, table } = await renderLiveTable(seeded);
    await waitUntil(() => store.state.live === 'reconnecting', 'the stream did not fail');
    await table.updateComplete;
    const notice = noticeOf(table);

    expect(textOf(notice)).to.equal(NOTICE);
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.tabIndex).to.equal(-1);
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('disappears when the stream opens', async () => {
    await injectFault(seeded, { path: '/events', status: 503, times: 2 });
    const { store, table } = await renderLiveTable(seeded);
    await waitUntil(() => store.state.live === 'reconnecting', 'the stream did not fail');
    await table.updateComplete;
    const topWithNotice = firstRowTop(table);

    await waitUntil(() => store.state.live === 'open', 'the stream did not reopen');
    await table.updateComplete;

    expect(textOf(noticeOf(table))).to.equal('');
    expect(firstRowTop(table)).to.equal(topWithNotice);
  });

  it('stays inside the header', async () => {
    await injectFault(seeded, { path: '/events', status: 503, times: 2 });
    const { store, table } = await renderLiveTable(seeded, 360);
    await waitUntil(() => store.state.live === 'reconnecting', 'the stream did not fail');
    await table.updateComplete;
    const header = shadowQuery<HTMLElement>(table, 'header')?.getBoundingClientRect();
    const notice = noticeOf(table);

    expect(notice.scrollHeight).to.be.at.most(notice.clientHeight);
    expect(notice.getBoundingClientRect().bottom).to.be.at.most(header?.bottom ?? 0);
  });

  it('fits the header in German at 360 px', async () => {
    await setActiveLocale('de');
    try {
      await injectFault(seeded, { path: '/events', status: 503, times: 2 });
      const { store, table } = await renderLiveTable(seeded, 360);
      await waitUntil(() => store.state.live === 'reconnecting', 'the stream did not fail');
      await table.updateComplete;
      const header = shadowQuery<HTMLElement>(table, 'header')?.getBoundingClientRect();
      const notice = noticeOf(table);

      expect(textOf(notice)).to.equal(
        'Live-Aktualisierung unterbrochen. Verbindung wird wiederhergestellt…',
      );
      expect(notice.scrollHeight).to.be.at.most(notice.clientHeight);
      expect(notice.getBoundingClientRect().bottom).to.be.at.most(header?.bottom ?? 0);
    } finally {
      await setActiveLocale('en');
    }
  });

  it('stays empty while connecting', async () => {
    await injectFault(seeded, { path: '/events', delayMs: 3000 });
    const { store, table } = await renderLiveTable(seeded);
    await waitUntil(() => store.state.live === 'connecting', 'the stream did not start');
    await table.updateComplete;

    expect(store.state.live).to.equal('connecting');
    expect(textOf(noticeOf(table))).to.equal('');
  });

  it('stays empty with live updates off', async () => {
    const store = new WorkspaceStore(createClient(seeded), { liveUpdates: false });
    const table = await fixture<LsMembersTable>(
      html`<ls-members-table .store=${store}></ls-members-table>`,
    );
    await untilRows(table);

    expect(store.state.live).to.equal('off');
    expect(textOf(noticeOf(table))).to.equal('');
  });
});
