import { nextFrame } from '@open-wc/testing';

import type { LsConfirmDialog, LsMembersTable } from '../../../src/index.js';
import { part, rowOf } from './table-queries.js';
import { waitUntil } from './wait-until.js';

function root(table: LsMembersTable): ShadowRoot {
  if (table.shadowRoot === null) throw new Error('<ls-members-table> has no shadow root.');
  return table.shadowRoot;
}

/** Returns the element matching `selector` in the member's row, or throws. */
export function inRow<T extends HTMLElement = HTMLButtonElement>(
  table: LsMembersTable,
  memberId: string,
  selector: string,
): T {
  const element = rowOf(table, memberId).querySelector<T>(selector);
  if (element === null) throw new Error(`No ${selector} in the row of member ${memberId}.`);
  return element;
}

/** Expands the member's details and returns the details element. */
export async function expandDetails(table: LsMembersTable, memberId: string): Promise<HTMLElement> {
  inRow(table, memberId, '[part="disclosure-button"]').click();
  await table.updateComplete;
  return detailsOf(table, memberId);
}

export function detailsOf(table: LsMembersTable, memberId: string): HTMLElement {
  const details = root(table).querySelector<HTMLElement>(`#details-${memberId} [part="details"]`);
  if (details === null) throw new Error(`The details of member ${memberId} are not shown.`);
  return details;
}

/** Returns the open menu, or `null`. */
export function openMenu(table: LsMembersTable): HTMLElement | null {
  return root(table).querySelector<HTMLElement>('[role="menu"]:popover-open');
}

/** Clicks a menu trigger and waits until its menu is open and positioned. */
export async function openMenuFrom(
  table: LsMembersTable,
  trigger: HTMLElement,
): Promise<HTMLElement> {
  trigger.click();
  await waitUntil(() => openMenu(table) !== null, 'the menu did not open');
  await nextFrame();
  await nextFrame();
  return openMenu(table) as HTMLElement;
}

export function menuItems(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
}

export function confirmDialogOf(table: LsMembersTable): LsConfirmDialog {
  const dialog = root(table).querySelector('ls-confirm-dialog');
  if (dialog === null) throw new Error('<ls-members-table> rendered no confirm dialog.');
  return dialog;
}

/** Waits for the confirm dialog to open, then confirms or cancels it. */
export async function answerConfirm(table: LsMembersTable, confirm: boolean): Promise<void> {
  const dialog = confirmDialogOf(table);
  await waitUntil(() => dialog.open, 'the confirm dialog did not open');
  const button = dialog.shadowRoot?.querySelector<HTMLButtonElement>(
    confirm ? '[part="confirm-button"]' : '[part="cancel-button"]',
  );
  button?.click();
}

/** Collects the events of one type that the table dispatches. */
export function collectEvents<K extends keyof GlobalEventHandlersEventMap>(
  table: LsMembersTable,
  type: K,
): GlobalEventHandlersEventMap[K][] {
  const events: GlobalEventHandlersEventMap[K][] = [];
  table.addEventListener(type, (event) => events.push(event));
  return events;
}

/** Returns the text of the table's live region. */
export function announcement(table: LsMembersTable): string {
  return (root(table).querySelector('[role="status"]')?.textContent ?? '').trim();
}

export function rowError(table: LsMembersTable): HTMLElement | null {
  return part(table, 'row-error');
}
