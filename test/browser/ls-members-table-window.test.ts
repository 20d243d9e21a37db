import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';

import '../../src/define.js';
import type { WorkspaceStore } from '../../sdk/index.js';
import type { LsMembersTable } from '../../src/index.js';
import { chooseWindow, growRange, rangeToRender } from '../../src/controllers/row-window-range.js';
import { rowIndexAfterKey } from '../../src/members-table/row-navigation.js';
import type { SeededWorkspace } from './support/reference-server-plugin.js';
import { deepActiveElement } from './support/shadow-queries.js';
import { detailsOf, expandDetails, inRow } from './support/table-actions.js';
import { memberRows, part, rowOf, tableElement, untilRows } from './support/table-queries.js';
import { waitUntil } from './support/wait-until.js';
import { createStore } from './support/workspace.js';

/** The maximum number of member rows the table may keep in the DOM. */
const MAX_ROWS = 100;
const MEMBER_COUNT = 600;
const PAGE_SIZE = 100;

function seedBulkWorkspace(count: number): Promise<SeededWorkspace> {
  return executeServerCommand<SeededWorkspace, { count: number }>('ls-seed-bulk-workspace', {
    count,
  });
}

/** Loads every page of the workspace into a new store, sorted by name, before rendering. */
async function renderLoadedTable(seeded: SeededWorkspace, pages = Infinity) {
  const store = createStore(seeded);
  await store.setQuery({ sort: 'name', limit: PAGE_SIZE });
  await store.load();
  for (let page = 1; page < pages && store.state.members.nextCursor !== null; page++) {
    await store.loadMore();
  }
  const table = await fixture<LsMembersTable>(
    html`<ls-members-table .store=${store}></ls-members-table>`,
  );
  await untilRows(table);
  await settle(table);
  return { store, table };
}

/** Waits until scroll events, the re-render they cause and the measurement after it are done. */
async function settle(table: LsMembersTable): Promise<void> {
  for (let frame = 0; frame < 4; frame++) {
    await nextFrame();
    await table.updateComplete;
  }
}

function idsOf(store: WorkspaceStore): string[] {
  return store.state.members.items.map((member) => member.id);
}

/** Returns the member whose rows are under the point, or `null` over a spacer or outside. */
function memberAt(table: LsMembersTable, x: number, y: number): string | null {
  const element = table.shadowRoot?.elementFromPoint(x, y) ?? null;
  let row = element?.closest('tr') ?? null;
  while (row !== null && row.dataset.memberId === undefined) {
    if (row.classList.contains('row-window-spacer')) return null;
    row = row.previousElementSibling as HTMLTableRowElement | null;
  }
  return row?.dataset.memberId ?? null;
}

function focusedMemberId(): string | undefined {
  return deepActiveElement()?.closest('tr')?.dataset.memberId;
}

function isInViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

describe('<ls-members-table> with many members', () => {
  let seeded: SeededWorkspace;

  before(async () => {
    seeded = await seedBulkWorkspace(MEMBER_COUNT);
  });

  beforeEach(async () => {
    await setViewport({ width: 1024, height: 700 });
    window.scrollTo(0, 0);
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
    window.scrollTo(0, 0);
  });

  describe('rows in the DOM', () => {
    it('stays at most 100 while paging', async () => {
      const { store, table } = await renderLoadedTable(seeded, 1);

      while (part(table, 'load-more-button') !== null) {
        const loaded = store.state.members.items.length;
        part<HTMLButtonElement>(table, 'load-more-button')?.click();
        await waitUntil(() => store.state.members.items.length > loaded, 'no page was added');
        await settle(table);

        expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
      }

      expect(store.state.members.items.length).to.equal(MEMBER_COUNT);
    });

    it('stays at most 100 while scrolling', async () => {
      const { table } = await renderLoadedTable(seeded);
      const height = document.documentElement.scrollHeight - window.innerHeight;
      const centerX = table.getBoundingClientRect().left + 40;

      for (let step = 1; step <= 20; step++) {
        window.scrollTo(0, (height * step) / 20);
        await settle(table);

        expect(memberRows(table).length, `rows at step ${step}`).to.be.at.most(MAX_ROWS);
        const tableBox = tableElement(table).getBoundingClientRect();
        if (tableBox.bottom > window.innerHeight / 2) {
          const under = memberAt(table, centerX, window.innerHeight / 2);
          expect(under, `the middle of the viewport at step ${step}`).to.be.a('string');
        }
      }
    });

    it('reaches the last member at the bottom', async () => {
      const { store, table } = await renderLoadedTable(seeded);

      // Rows measured on the way replace estimated heights and move the bottom, as they do for
      // a person who drags the scrollbar to the end. A few more drags reach it.
      let previous = -1;
      for (let drag = 0; drag < 5 && window.scrollY !== previous; drag++) {
        previous = window.scrollY;
        window.scrollTo(0, document.documentElement.scrollHeight);
        await settle(table);
      }

      const lastId = idsOf(store).at(-1) as string;
      expect(isInViewport(rowOf(table, lastId))).to.equal(true);
      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
    });

    it('stays at most 100 in a narrow viewport', async () => {
      await setViewport({ width: 360, height: 640 });
      const { table } = await renderLoadedTable(seeded);
      const firstRow = memberRows(table)[0] as HTMLElement;
      expect(getComputedStyle(firstRow).display, 'rows stack').to.equal('block');

      window.scrollTo(0, document.documentElement.scrollHeight / 2);
      await settle(table);

      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
      const centerX = table.getBoundingClientRect().left + 40;
      expect(memberAt(table, centerX, window.innerHeight / 2)).to.be.a('string');
    });
  });

  describe('new results', () => {
    /** Counts the member rows right after the table's update that shows the next list. */
    function rowsAtFirstUpdate(table: LsMembersTable, store: WorkspaceStore): Promise<number> {
      const before = store.state.members.items;
      return new Promise((resolve) => {
        const unsubscribe = store.subscribe((state) => {
          if (state.members.items === before || state.members.loading) return;
          unsubscribe();
          // The table's listener ran first, so its update comes before this observer's call.
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(memberRows(table).length);
          });
          observer.observe(table.shadowRoot as ShadowRoot, { childList: true, subtree: true });
        });
      });
    }

    it('render the visible rows first', async () => {
      const { store, table } = await renderLoadedTable(seeded, 1);
      expect(memberRows(table).length).to.equal(PAGE_SIZE);

      const firstUpdate = rowsAtFirstUpdate(table, store);
      await store.setQuery({ sort: '-name', limit: PAGE_SIZE });
      const rowsFirst = await firstUpdate;
      await table.updateComplete;

      expect(rowsFirst).to.be.greaterThan(0);
      expect(rowsFirst).to.be.lessThan(PAGE_SIZE);
      expect(memberRows(table).length, 'rows after updateComplete').to.equal(PAGE_SIZE);
      expect(memberRows(table)[0]?.dataset.memberId).to.equal(idsOf(store)[0]);
    });

    it('follow a change of width', async () => {
      const { table } = await renderLoadedTable(seeded);
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
      await settle(table);
      const wideX = table.getBoundingClientRect().left + 40;
      const topId = memberAt(table, wideX, 1);
      expect(topId, 'the member at the top before').to.be.a('string');

      await setViewport({ width: 360, height: 700 });
      await settle(table);
      await settle(table);

      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
      const centerX = table.getBoundingClientRect().left + 40;
      expect(memberAt(table, centerX, window.innerHeight / 2)).to.be.a('string');
      // The rows are about three times as tall now, and the member at the top stays in view.
      const box = rowOf(table, topId as string).getBoundingClientRect();
      expect(box.bottom, 'bottom of the member at the top before').to.be.greaterThan(0);
      expect(box.top, 'top of the member at the top before').to.be.lessThan(window.innerHeight);
    });
  });

  describe('assistive technology', () => {
    it('announces the count of every matching member', async () => {
      const { table } = await renderLoadedTable(seeded, 2);

      expect(tableElement(table).getAttribute('aria-rowcount')).to.equal(`${MEMBER_COUNT + 1}`);
      expect(
        part(table, 'table')?.querySelector('thead tr')?.getAttribute('aria-rowindex'),
      ).to.equal('1');
    });

    it('numbers each row by its place in the list', async () => {
      const { store, table } = await renderLoadedTable(seeded);
      window.scrollTo(0, document.documentElement.scrollHeight / 3);
      await settle(table);
      const ids = idsOf(store);

      const rows = memberRows(table);
      expect(rows.length).to.be.greaterThan(0);
      for (const row of rows) {
        const index = ids.indexOf(row.dataset.memberId ?? '');
        expect(row.getAttribute('aria-rowindex')).to.equal(`${index + 2}`);
      }
      expect(ids.indexOf(rows[0]?.dataset.memberId ?? ''), 'the window moved').to.be.greaterThan(0);
    });
  });

  describe('keyboard', () => {
    it('moves down across the window edge with ArrowDown', async () => {
      const { store, table } = await renderLoadedTable(seeded);
      const ids = idsOf(store);
      const rendered = memberRows(table).map((row) => ids.indexOf(row.dataset.memberId ?? ''));
      const lastRendered = Math.max(...rendered);
      inRow(table, ids[0] as string, '[part="disclosure-button"]').focus();

      for (let index = 1; index <= lastRendered + 5; index++) {
        await sendKeys({ press: 'ArrowDown' });
        await waitUntil(() => focusedMemberId() === ids[index], `row ${index} did not get focus`);
      }
      await settle(table);

      const focused = deepActiveElement() as Element;
      expect(focused.getAttribute('part')).to.equal('disclosure-button');
      expect(isInViewport(focused)).to.equal(true);
      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
    });

    it('jumps to the last and first member with End and Home', async () => {
      const { store, table } = await renderLoadedTable(seeded);
      const ids = idsOf(store);
      inRow(table, ids[0] as string, '[part="disclosure-button"]').focus();

      await sendKeys({ press: 'End' });
      await waitUntil(() => focusedMemberId() === ids.at(-1), 'End did not reach the last row');
      await settle(table);
      expect(isInViewport(deepActiveElement() as Element)).to.equal(true);

      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => focusedMemberId() === ids.at(-2), 'ArrowUp did not move up');

      await sendKeys({ press: 'Home' });
      await waitUntil(() => focusedMemberId() === ids[0], 'Home did not reach the first row');
      await settle(table);
      expect(isInViewport(deepActiveElement() as Element)).to.equal(true);
      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
    });

    it('keeps focus on a row scrolled far away', async () => {
      const { store, table } = await renderLoadedTable(seeded);
      const ids = idsOf(store);
      inRow(table, ids[2] as string, '[part="disclosure-button"]').focus();

      window.scrollTo(0, document.documentElement.scrollHeight);
      await settle(table);

      expect(focusedMemberId()).to.equal(ids[2]);
      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);

      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focusedMemberId() === ids[3], 'ArrowDown did not move on');
    });

    it('focuses the first new row after Load more', async () => {
      const { store, table } = await renderLoadedTable(seeded, 4);
      const button = part<HTMLButtonElement>(table, 'load-more-button') as HTMLButtonElement;
      button.scrollIntoView();
      await settle(table);
      button.focus();

      await sendKeys({ press: 'Enter' });
      const firstNew = 4 * PAGE_SIZE;
      await waitUntil(() => store.state.members.items.length > firstNew, 'no page was added');
      const firstNewId = store.state.members.items[firstNew]?.id;
      await waitUntil(
        () => focusedMemberId() === firstNewId,
        'focus did not move to the first new row',
      );

      expect(deepActiveElement()?.getAttribute('part')).to.equal('disclosure-button');
      expect(memberRows(table).length).to.be.at.most(MAX_ROWS);
    });
  });

  describe('details', () => {
    it('stay expanded after scrolling away and back', async () => {
      const { store, table } = await renderLoadedTable(seeded);
      const memberId = idsOf(store)[3] as string;
      await expandDetails(table, memberId);
      (deepActiveElement() as HTMLElement | null)?.blur();

      window.scrollTo(0, document.documentElement.scrollHeight);
      await settle(table);
      expect(() => rowOf(table, memberId)).to.throw();

      window.scrollTo(0, 0);
      await settle(table);
      expect(detailsOf(table, memberId)).to.be.an.instanceOf(HTMLElement);
    });
  });
});

describe('chooseWindow', () => {
  it('renders every item up to the maximum', () => {
    expect(chooseWindow({ start: 0, end: 0 }, { start: 0, end: 1 }, 80, 100)).to.deep.equal({
      start: 0,
      end: 80,
    });
  });

  it('keeps a window that still covers the viewport', () => {
    const current = { start: 100, end: 160 };
    expect(chooseWindow(current, { start: 120, end: 140 }, 1000, 100)).to.equal(current);
  });

  it('moves when the viewport nears an edge', () => {
    const next = chooseWindow({ start: 100, end: 160 }, { start: 140, end: 158 }, 1000, 100);
    expect(next.start).to.be.at.most(140 - 9);
    expect(next.end).to.be.at.least(158 + 9);
  });

  it('never exceeds the maximum', () => {
    const next = chooseWindow({ start: 0, end: 0 }, { start: 500, end: 700 }, 1000, 100);
    expect(next).to.deep.equal({ start: 500, end: 600 });
  });

  it('keeps its size at the end of the list', () => {
    const next = chooseWindow({ start: 0, end: 40 }, { start: 990, end: 1000 }, 1000, 100);
    expect(next.end).to.equal(1000);
    expect(next.end - next.start).to.equal(2 * 10 + 10);
  });
});

describe('rangeToRender', () => {
  it('keeps the rendered items that cover the viewport', () => {
    const rendered = { start: 10, end: 40 };
    expect(rangeToRender(rendered, { start: 0, end: 60 }, { start: 20, end: 30 })).to.equal(
      rendered,
    );
  });

  it('adds visible items next to the rendered ones', () => {
    const next = rangeToRender(
      { start: 10, end: 20 },
      { start: 0, end: 60 },
      { start: 15, end: 25 },
    );
    expect(next).to.deep.equal({ start: 10, end: 25 });
  });

  it('renders only the viewport after a jump', () => {
    const next = rangeToRender(
      { start: 0, end: 20 },
      { start: 400, end: 460 },
      { start: 420, end: 430 },
    );
    expect(next).to.deep.equal({ start: 420, end: 430 });
  });

  it('drops rendered items outside the window', () => {
    const next = rangeToRender(
      { start: 0, end: 50 },
      { start: 20, end: 70 },
      { start: 30, end: 40 },
    );
    expect(next).to.deep.equal({ start: 20, end: 50 });
  });
});

describe('growRange', () => {
  it('grows half below and half above', () => {
    expect(growRange({ start: 20, end: 30 }, { start: 0, end: 60 }, 12)).to.deep.equal({
      start: 14,
      end: 36,
    });
  });

  it('grows on one side once the other is complete', () => {
    expect(growRange({ start: 0, end: 10 }, { start: 0, end: 60 }, 12)).to.deep.equal({
      start: 0,
      end: 22,
    });
  });

  it('stops at the window', () => {
    expect(growRange({ start: 2, end: 55 }, { start: 0, end: 60 }, 12)).to.deep.equal({
      start: 0,
      end: 60,
    });
  });
});

describe('rowIndexAfterKey', () => {
  const cases: [string, number, number | null][] = [
    ['ArrowDown', 4, 5],
    ['ArrowDown', 9, null],
    ['ArrowUp', 4, 3],
    ['ArrowUp', 0, null],
    ['Home', 4, 0],
    ['Home', 0, null],
    ['End', 4, 9],
    ['End', 9, null],
    ['Enter', 4, null],
  ];
  for (const [key, from, expected] of cases) {
    it(`moves ${key} from row ${from} of 10 to ${expected ?? 'nowhere'}`, () => {
      expect(rowIndexAfterKey(key, from, 10)).to.equal(expected);
    });
  }
});
