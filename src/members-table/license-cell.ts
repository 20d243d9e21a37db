import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

import type { LicensePool, Member } from '../../sdk/schemas/index.js';
import { poolAvailability, poolTitle } from './pool-availability.js';
import type { RowContext } from './row-context.js';
import { chevron, spinner } from './icons.js';

/** Returns the key of a member's license menu in the table's `MenuController`. */
export function licenseMenuKey(member: Member): string {
  return `license-${member.id}`;
}

/**
 * Renders the license cell: the pool as a badge, or "No license". Admins get a menu button
 * on either that assigns or moves the license, and an `×` on the badge that unassigns it.
 */
export function renderLicenseCell(member: Member, context: RowContext) {
  const pool = member.licenseId === null ? undefined : context.view.pools.get(member.licenseId);
  if (!context.view.canManageLicenses) return renderReadOnly(member, pool);

  const { menu, changes, view } = context;
  const key = licenseMenuKey(member);
  const busy = changes.isBusy(member.id, 'license');
  const disabled = view.pendingMemberIds.has(member.id) || changes.isBusy(member.id);
  const label = licenseButtonLabel(member, pool);

  const trigger = html`
    <button
      part=${member.licenseId === null ? 'assign-button' : 'license-button'}
      class="menu-trigger ${member.licenseId === null ? 'assign' : 'license'}"
      type="button"
      aria-label=${label}
      aria-haspopup="menu"
      aria-expanded=${menu.isOpen(key) ? 'true' : 'false'}
      aria-controls=${menu.menuId(key)}
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${(event: Event) => {
        if (!disabled) menu.toggle(key, event.currentTarget as HTMLElement);
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (!disabled) menu.handleTriggerKeydown(event, key);
      }}
    >
      ${member.licenseId === null ? msg('No license') : (pool?.name ?? msg('Licensed'))}
      ${busy ? spinner : chevron}
    </button>
  `;

  return html`
    ${
      member.licenseId === null
        ? trigger
        : html`<span part="badge license-badge">
            ${trigger}${renderUnassign(member, context, disabled)}
          </span>`
    }
    ${menu.isOpen(key) ? renderMenu(member, context) : nothing}
  `;
}

function renderReadOnly(member: Member, pool: LicensePool | undefined) {
  if (member.licenseId === null) return html`<span class="muted">${msg('No license')}</span>`;
  return html`<span part="badge license-badge"
    >${pool === undefined ? msg('Licensed') : poolTitle(pool)}</span
  >`;
}

/** Returns the accessible name of the license menu button, which says what it does. */
function licenseButtonLabel(member: Member, pool: LicensePool | undefined): string {
  const name = member.name;
  if (member.licenseId === null) return msg(str`No license. Assign a license to ${name}`);
  if (pool === undefined) return msg(str`Licensed. Change the license of ${name}`);
  const poolName = pool.name;
  return msg(str`${poolName} license of ${name}. Change the license`);
}

function renderUnassign(member: Member, context: RowContext, disabled: boolean) {
  const busy = context.changes.isBusy(member.id, 'unassign');
  return html`
    <button
      part="unassign-button"
      class="unassign"
      type="button"
      aria-label=${msg(str`Unassign the license of ${member.name}`)}
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${() => {
        if (!disabled) context.unassign(member);
      }}
    >
      <span aria-hidden="true">×</span>
    </button>
  `;
}

function renderMenu(member: Member, context: RowContext) {
  const pools = [...context.view.pools.values()];
  return html`
    <div
      id=${context.menu.menuId(licenseMenuKey(member))}
      part="menu license-menu"
      class="menu"
      role="menu"
      popover="manual"
      aria-label=${msg(str`License of ${member.name}`)}
    >
      ${
        pools.length === 0
          ? html`<div role="menuitem" tabindex="-1" aria-disabled="true" class="menu-item">
              ${msg('No license pools')}
            </div>`
          : pools.map((pool) => renderPoolItem(member, pool, context))
      }
    </div>
  `;
}

function renderPoolItem(member: Member, pool: LicensePool, context: RowContext) {
  const current = member.licenseId === pool.id;
  const { available, label } = poolAvailability(pool);
  // The pool already held needs no free seat; choosing it again changes nothing.
  const disabled = !current && !available;
  return html`
    <button
      part="menu-item"
      class="menu-item"
      type="button"
      role="menuitemradio"
      tabindex="-1"
      aria-checked=${current ? 'true' : 'false'}
      aria-disabled=${disabled ? 'true' : 'false'}
      data-pool-id=${pool.id}
      @click=${() => {
        if (!current) context.assign(member, pool);
      }}
    >
      <span class="menu-item-title">${poolTitle(pool)}</span>
      <span class="menu-item-note">${current ? msg('current') : label}</span>
    </button>
  `;
}
