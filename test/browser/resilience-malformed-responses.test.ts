import { expect, fixture, html } from '@open-wc/testing';

import '../../src/members-table/define.js';
import { isResponseValidationError, type WorkspaceStore } from '../../sdk/index.js';
import type { LsMembersTable } from '../../src/index.js';
import { memberRows, part, textOf, untilPart, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import {
  createStore,
  injectFault,
  seedWorkspace,
  type SeededWorkspace,
} from './support/workspace.js';

/** A body that the API never sends, built from what the table shows now. */
interface MalformedBody {
  name: string;
  body: (store: WorkspaceStore) => string;
  contentType?: string;
}

function pageJson(store: WorkspaceStore): string {
  const { items, nextCursor, total } = store.state.members;
  return JSON.stringify({ items, nextCursor, total });
}

const MALFORMED_BODIES: MalformedBody[] = [
  {
    name: 'HTML page with 200',
    body: () => '<!doctype html><html><body><h1>Sign in</h1></body></html>',
    contentType: 'text/html',
  },
  { name: 'truncated JSON', body: (store) => pageJson(store).slice(0, 120) },
  {
    name: 'field of the wrong type',
    body: (store) => pageJson(store).replace(/"total":\d+/, '"total":"many"'),
  },
  { name: 'empty body', body: () => '' },
];

const UNREADABLE = 'The server sent a response this page cannot read.';

async function renderTable(store: WorkspaceStore): Promise<LsMembersTable> {
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${store}></ls-members-table>`,
  );
  await untilRows(table);
  return table;
}

function emailsShown(table: LsMembersTable): string[] {
  return memberRows(table).map((row) => textOf(row.querySelector('.email')));
}

describe('members table with malformed responses', () => {
  let seeded: SeededWorkspace;

  beforeEach(async () => {
    seeded = await seedWorkspace();
  });

  for (const malformed of MALFORMED_BODIES) {
    describe(malformed.name, () => {
      it('keeps the rows when a refresh fails', async () => {
        const store = createStore(seeded);
        const table = await renderTable(store);
        const shown = emailsShown(table);
        await injectFault(seeded, {
          path: '/members',
          method: 'GET',
          body: malformed.body(store),
          contentType: malformed.contentType,
        });

        await store.refresh();
        await table.updateComplete;
        const alert = part(table, 'error');

        expect(isResponseValidationError(store.state.members.error)).to.equal(true);
        expect(store.state.members.error?.message).to.match(/^GET \S+\/members\S* returned 200/);
        expect(textOf(alert)).to.contain(`Could not load the members. ${UNREADABLE}`);
        expect(alert?.getAttribute('role')).to.equal('alert');
        expect(emailsShown(table)).to.deep.equal(shown);
      });

      it('keeps the rows when a later page fails', async () => {
        const store = createStore(seeded);
        await store.setQuery({ limit: 10 });
        const table = await renderTable(store);
        const shown = emailsShown(table);
        expect(shown.length).to.equal(10);
        await injectFault(seeded, {
          path: '/members',
          method: 'GET',
          body: malformed.body(store),
          contentType: malformed.contentType,
        });

        part<HTMLButtonElement>(table, 'load-more-button')?.click();
        const alert = await untilPart(table, 'error');

        expect(textOf(alert)).to.contain(UNREADABLE);
        expect(emailsShown(table)).to.deep.equal(shown);
        expect(part(table, 'load-more-button')).not.to.equal(null);
      });
    });
  }

  it('retry loads the failed page', async () => {
    const store = createStore(seeded);
    await store.setQuery({ limit: 10 });
    const table = await renderTable(store);
    await injectFault(seeded, { path: '/members', method: 'GET', body: '' });
    part<HTMLButtonElement>(table, 'load-more-button')?.click();
    await untilPart(table, 'retry-button');

    part<HTMLButtonElement>(table, 'retry-button')?.click();
    await waitUntil(
      () => store.state.members.items.length === 20,
      'the retry did not load the page',
    );

    expect(part(table, 'error')).to.equal(null);
  });

  it('retry loads again after a failed refresh', async () => {
    const store = createStore(seeded);
    const table = await renderTable(store);
    const shown = emailsShown(table);
    await injectFault(seeded, { path: '/members', method: 'GET', body: '<html></html>' });
    await store.refresh();
    await table.updateComplete;

    part<HTMLButtonElement>(table, 'retry-button')?.click();
    await waitUntil(() => !store.state.loading, 'the retry did not finish');
    await table.updateComplete;

    expect(part(table, 'error')).to.equal(null);
    expect(emailsShown(table)).to.deep.equal(shown);
  });
});
