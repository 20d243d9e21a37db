import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';

import '../../src/define.js';
import type { LsMembersTable } from '../../src/index.js';
import { labelOf } from './support/element-label.js';
import { expandDetails, openMenuFrom } from './support/table-actions.js';
import { memberRows, untilRows } from './support/table-queries.js';
import { createStore, seedWorkspace } from './support/workspace.js';
import { waitUntil } from './support/wait-until.js';

/** The largest distance between a menu and its trigger that still counts as next to it. */
const TOLERANCE_PX = 2;

/** Where a menu sits relative to its trigger, in CSS pixels. */
interface Offset {
  /** The distance between the left edges. */
  x: number;
  /** The gap from the trigger's bottom to the menu's top, which is negative above it. */
  below: number;
  /** The gap from the menu's bottom to the trigger's top, which is negative below it. */
  above: number;
}

function offsetOf(trigger: HTMLElement, menu: HTMLElement): Offset {
  const triggerBox = trigger.getBoundingClientRect();
  const menuBox = menu.getBoundingClientRect();
  return {
    x: Math.abs(menuBox.left - triggerBox.left),
    below: menuBox.top - triggerBox.bottom,
    above: triggerBox.top - menuBox.bottom,
  };
}

/** Checks that the menu lines up with the trigger, at most 2 px below or above it. */
function expectNextTo(trigger: HTMLElement, menu: HTMLElement, when: string): void {
  const offset = offsetOf(trigger, menu);
  const below = offset.below >= 0 && offset.below <= TOLERANCE_PX;
  const above = offset.above >= 0 && offset.above <= TOLERANCE_PX;

  expect(offset.x, `horizontal distance ${when}`).to.be.at.most(TOLERANCE_PX);
  expect(below || above, `vertical gap ${when}: ${JSON.stringify(offset)}`).to.equal(true);
}

/** Waits for floating-ui's `autoUpdate` to move the menu after a scroll. */
async function afterScroll(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await nextFrame();
}

/**
 * Renders a table on a page taller than the viewport, inside the containers that `wrap`
 * builds, and returns it with the assign button of the first member without a license.
 */
async function renderInside(wrap: (table: TemplateResult) => TemplateResult) {
  const seeded = await seedWorkspace();
  const store = createStore(seeded);
  const page = await fixture<HTMLDivElement>(html`
    <div>
      <div style="height: 160px"></div>
      ${wrap(html`<ls-members-table .store=${store}></ls-members-table>`)}
      <div style="height: 2000px"></div>
    </div>
  `);
  const table = page.querySelector('ls-members-table') as LsMembersTable;
  await waitUntil(() => store.state.licenses !== null, 'the licenses did not load');
  await untilRows(table);
  await table.updateComplete;

  const trigger = memberRows(table)
    .map((row) => row.querySelector<HTMLElement>('[part="assign-button"]'))
    .find((button) => button !== null);
  if (trigger === null || trigger === undefined) throw new Error('No member without a license.');
  return { page, table, trigger };
}

const transformed = (content: TemplateResult) => html`
  <div style="transform: translate(37px, 23px) scale(0.9); width: 900px">${content}</div>
`;

const scrolled = (content: TemplateResult) => html`
  <div class="scroll-box" style="height: 360px; overflow: auto; width: 900px">${content}</div>
`;

describe('menu position', () => {
  before(async () => {
    await setViewport({ width: 1000, height: 700 });
  });

  afterEach(() => {
    window.scrollTo(0, 0);
  });

  it('follows page scroll in a transformed container', async () => {
    const { table, trigger } = await renderInside(transformed);
    trigger.scrollIntoView({ block: 'center' });

    const menu = await openMenuFrom(table, trigger);
    expectNextTo(trigger, menu, 'when opened');
    const top = trigger.getBoundingClientRect().top;
    window.scrollBy(0, 60);
    await afterScroll();

    expect(trigger.getBoundingClientRect().top, 'the trigger moved').to.be.below(top - 50);
    expectNextTo(trigger, menu, 'after the page scrolled');
  });

  it('follows page and container scroll', async () => {
    const { page, table, trigger } = await renderInside(scrolled);
    const box = page.querySelector<HTMLElement>('.scroll-box') as HTMLElement;
    box.scrollTop = 120;
    trigger.scrollIntoView({ block: 'center' });

    const menu = await openMenuFrom(table, trigger);
    expectNextTo(trigger, menu, 'when opened');
    const pageTop = trigger.getBoundingClientRect().top;
    window.scrollBy(0, 50);
    await afterScroll();
    expect(trigger.getBoundingClientRect().top, 'the page scrolled').to.be.below(pageTop - 40);
    expectNextTo(trigger, menu, 'after the page scrolled');

    const boxTop = trigger.getBoundingClientRect().top;
    box.scrollTop -= 40;
    await afterScroll();
    expect(trigger.getBoundingClientRect().top, 'the box scrolled').to.be.above(boxTop + 30);
    expectNextTo(trigger, menu, 'after the container scrolled');
  });

  it('follows scroll in a scrolled, transformed container', async () => {
    const { page, table, trigger } = await renderInside((content) =>
      transformed(scrolled(content)),
    );
    const box = page.querySelector<HTMLElement>('.scroll-box') as HTMLElement;
    trigger.scrollIntoView({ block: 'center' });

    const menu = await openMenuFrom(table, trigger);
    expectNextTo(trigger, menu, 'when opened');
    window.scrollBy(0, 40);
    box.scrollTop += 30;
    await afterScroll();

    expectNextTo(trigger, menu, 'after both scrolled');
  });

  it('hides while its trigger is scrolled out of view', async () => {
    const { page, table, trigger } = await renderInside(scrolled);
    const box = page.querySelector<HTMLElement>('.scroll-box') as HTMLElement;
    trigger.scrollIntoView({ block: 'center' });
    const menu = await openMenuFrom(table, trigger);
    const focused = labelOf(table.shadowRoot?.activeElement);

    box.scrollTop += box.clientHeight;
    await afterScroll();
    const hidden = getComputedStyle(menu);
    const hiddenStyle = { opacity: hidden.opacity, pointerEvents: hidden.pointerEvents };
    const focusedWhileHidden = labelOf(table.shadowRoot?.activeElement);
    box.scrollTop -= box.clientHeight;
    await afterScroll();

    expect(focused).to.match(/^button\[part="menu-item"\]/);
    expect(hiddenStyle).to.deep.equal({ opacity: '0', pointerEvents: 'none' });
    expect(focusedWhileHidden, 'focus while hidden').to.equal(focused);
    expect(getComputedStyle(menu).opacity, 'opacity back in view').to.equal('1');
    expect(getComputedStyle(menu).pointerEvents, 'pointer events back in view').to.equal('auto');
    expect(labelOf(table.shadowRoot?.activeElement), 'focus back in view').to.equal(focused);
    expectNextTo(trigger, menu, 'back in view');
  });

  it('flips above a trigger near the bottom', async () => {
    const { table, trigger } = await renderInside(transformed);
    // Puts the trigger 40 px above the viewport's bottom edge.
    window.scrollBy(0, trigger.getBoundingClientRect().bottom - (window.innerHeight - 40));
    await afterScroll();

    const menu = await openMenuFrom(table, trigger);
    const offset = offsetOf(trigger, menu);

    expect(offset.above, JSON.stringify(offset)).to.be.within(0, TOLERANCE_PX);
    expect(offset.x).to.be.at.most(TOLERANCE_PX);
  });

  it('keeps the role menu beside its trigger', async () => {
    const { page, table } = await renderInside((content) => transformed(scrolled(content)));
    const row = memberRows(table)[1];
    const memberId = row?.dataset.memberId;
    if (memberId === undefined) throw new Error('The table shows fewer than two members.');
    const details = await expandDetails(table, memberId);
    const trigger = details.querySelector<HTMLElement>('[part="role-button"]') as HTMLElement;
    trigger.scrollIntoView({ block: 'center' });

    const menu = await openMenuFrom(table, trigger);
    expectNextTo(trigger, menu, 'when opened');
    window.scrollBy(0, 30);
    const box = page.querySelector<HTMLElement>('.scroll-box') as HTMLElement;
    box.scrollTop += 20;
    await afterScroll();

    expectNextTo(trigger, menu, 'after both scrolled');
  });
});
