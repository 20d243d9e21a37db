import type { LsMembersTable } from '../../../src/index.js';
import { waitUntil } from './wait-until.js';

function root(table: LsMembersTable): ShadowRoot {
  if (table.shadowRoot === null) throw new Error('<ls-members-table> has no shadow root.');
  return table.shadowRoot;
}

export function memberRows(table: LsMembersTable): HTMLTableRowElement[] {
  return [...root(table).querySelectorAll<HTMLTableRowElement>('tr[part="row"]')];
}

export function rowOf(table: LsMembersTable, memberId: string): HTMLTableRowElement {
  const row = root(table).querySelector<HTMLTableRowElement>(`tr[data-member-id="${memberId}"]`);
  if (row === null) throw new Error(`No row for member ${memberId}.`);
  return row;
}

export function part<T extends Element = HTMLElement>(
  table: LsMembersTable,
  name: string,
): T | null {
  return root(table).querySelector<T>(`[part~="${name}"]`);
}

export function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function skeletonRows(table: LsMembersTable): Element[] {
  return [...root(table).querySelectorAll('tr.skeleton-row')];
}

export function tableElement(table: LsMembersTable): HTMLTableElement {
  const element = part<HTMLTableElement>(table, 'table');
  if (element === null) throw new Error('<ls-members-table> rendered no table.');
  return element;
}

/** Waits until the table shows `count` member rows, or at least one without a count. */
export async function untilRows(table: LsMembersTable, count?: number): Promise<void> {
  await waitUntil(
    () => (count === undefined ? memberRows(table).length > 0 : memberRows(table).length === count),
    `expected ${count ?? 'some'} member rows, found ${memberRows(table).length}`,
    { timeout: 5000 },
  );
}

export async function untilPart(table: LsMembersTable, name: string): Promise<HTMLElement> {
  await waitUntil(() => part(table, name) !== null, `part "${name}" did not appear`, {
    timeout: 5000,
  });
  return part(table, name) as HTMLElement;
}
