import { msg } from '@lit/localize';
import { html } from 'lit';

import type { LicensePool, MemberSort } from '../../sdk/schemas/index.js';
import { MAX_QUERY_LENGTH } from '../../sdk/schemas/members-query.js';
import type { MembersListQuery } from '../../sdk/store/index.js';
import { readSort, SORT_KEYS, sortKeyLabel, toSort } from './members-filters.js';
import { roleLabel } from './role-label.js';

/** The query and callbacks that the toolbar uses; the table implements them. */
export interface ToolbarContext {
  query: MembersListQuery;
  pools: readonly LicensePool[];
  /** Called on every keystroke; the table debounces it. */
  search(text: string): void;
  filter<Field extends keyof MembersListQuery>(
    field: Field,
    value: MembersListQuery[Field] | '',
  ): void;
}

/** Renders search, filters and sort above the table. */
export function renderToolbar(context: ToolbarContext) {
  const { query } = context;
  const onSelect =
    <Field extends keyof MembersListQuery>(field: Field) =>
    (event: Event) => {
      const value = (event.currentTarget as HTMLSelectElement).value;
      context.filter(field, value as MembersListQuery[Field] | '');
    };

  return html`
    <div
      class="toolbar"
      part="toolbar"
      role="search"
      aria-label=${msg('Search and filter members')}
    >
      <label class="search">
        <span class="field-label">${msg('Search')}</span>
        <input
          part="search-input"
          type="search"
          name="query"
          placeholder=${msg('Name or email')}
          autocomplete="off"
          maxlength=${MAX_QUERY_LENGTH}
          .value=${query.query ?? ''}
          @input=${(event: Event) => {
            context.search((event.currentTarget as HTMLInputElement).value);
          }}
        />
      </label>
      <label>
        <span class="field-label">${msg('Role')}</span>
        <select part="filter" name="role" @change=${onSelect('role')}>
          <option value="" ?selected=${query.role === undefined}>${msg('All roles')}</option>
          <option value="admin" ?selected=${query.role === 'admin'}>${roleLabel('admin')}</option>
          <option value="member" ?selected=${query.role === 'member'}>
            ${roleLabel('member')}
          </option>
        </select>
      </label>
      <label>
        <span class="field-label">${msg('Status')}</span>
        <select part="filter" name="status" @change=${onSelect('status')}>
          <option value="" ?selected=${query.status === undefined}>${msg('All statuses')}</option>
          <option value="active" ?selected=${query.status === 'active'}>${msg('Active')}</option>
          <option value="invited" ?selected=${query.status === 'invited'}>${msg('Invited')}</option>
        </select>
      </label>
      <label>
        <span class="field-label">${msg('License')}</span>
        <select part="filter" name="license" @change=${onSelect('license')}>
          <option value="" ?selected=${query.license === undefined}>${msg('All licenses')}</option>
          <option value="any" ?selected=${query.license === 'any'}>${msg('Any license')}</option>
          <option value="none" ?selected=${query.license === 'none'}>${msg('No license')}</option>
          ${context.pools.map(
            (pool) =>
              html`<option value=${pool.id} ?selected=${query.license === pool.id}>
                ${pool.name}
              </option>`,
          )}
        </select>
      </label>
      <label>
        <span class="field-label">${msg('Sort by')}</span>
        <select part="sort" name="sort" @change=${onSelect('sort')}>
          ${renderSortOptions(query.sort)}
        </select>
      </label>
      <label class="checkbox">
        <input
          part="legacy-key-filter"
          type="checkbox"
          name="legacyKey"
          .checked=${query.legacyKey === 'true'}
          @change=${(event: Event) =>
            context.filter(
              'legacyKey',
              (event.currentTarget as HTMLInputElement).checked ? 'true' : '',
            )}
        />
        <span>${msg('Has a legacy API key')}</span>
      </label>
    </div>
  `;
}

function renderSortOptions(sort: MemberSort | undefined) {
  const current = readSort(sort);
  return SORT_KEYS.flatMap((key) =>
    (['ascending', 'descending'] as const).map((direction) => {
      const value = toSort(key, direction);
      const selected = current.key === key && current.direction === direction;
      return html`<option value=${value} ?selected=${selected}>
        ${sortKeyLabel(key)}, ${sortDirectionLabel(key, direction)}
      </option>`;
    }),
  );
}

function sortDirectionLabel(key: string, direction: 'ascending' | 'descending'): string {
  const ascending = direction === 'ascending';
  if (key === 'invitedAt') return ascending ? msg('oldest first') : msg('newest first');
  if (key === 'role') return ascending ? msg('admins first') : msg('members first');
  return ascending ? msg('A to Z') : msg('Z to A');
}
