import { msg } from '@lit/localize';

import type { MemberSort, MemberSortKey } from '../../sdk/schemas/index.js';
import type { MembersListQuery } from '../../sdk/store/index.js';

/** The sort keys in the order the sort select lists them. */
export const SORT_KEYS: readonly MemberSortKey[] = ['name', 'email', 'invitedAt', 'role'];

/** Returns the label of a sort key in the active locale. */
export function sortKeyLabel(key: MemberSortKey): string {
  switch (key) {
    case 'name':
      return msg('Name');
    case 'email':
      return msg('Email');
    case 'invitedAt':
      return msg('Invited date');
    case 'role':
      return msg('Role');
  }
}

export type SortDirection = 'ascending' | 'descending';

/** Splits a sort value such as `-name` into its key and direction; absent means by name. */
export function readSort(sort: MemberSort | undefined): {
  key: MemberSortKey;
  direction: SortDirection;
} {
  const value = sort ?? 'name';
  if (value.startsWith('-')) {
    return { key: value.slice(1) as MemberSortKey, direction: 'descending' };
  }
  return { key: value as MemberSortKey, direction: 'ascending' };
}

export function toSort(key: MemberSortKey, direction: SortDirection): MemberSort {
  return direction === 'descending' ? `-${key}` : key;
}

/**
 * Returns `query` with `field` set to `value`, or without it when the value is empty, so
 * that "All" options send no parameter at all.
 */
export function withFilter<Field extends keyof MembersListQuery>(
  query: MembersListQuery,
  field: Field,
  value: MembersListQuery[Field] | '',
): MembersListQuery {
  const next = { ...query };
  if (value === '' || value === undefined) delete next[field];
  else next[field] = value;
  return next;
}

/** Tells whether any filter or search narrows the list, which changes the empty message. */
export function isFiltered(query: MembersListQuery): boolean {
  return (
    (query.query ?? '') !== '' ||
    query.role !== undefined ||
    query.status !== undefined ||
    query.license !== undefined ||
    query.legacyKey === 'true'
  );
}
