import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

import { isRole, type Member, type Role } from '../../sdk/schemas/index.js';
import { chevron, spinner } from './icons.js';
import { formatDate, formatDateTime, formatRelativeTime } from '../i18n/format.js';
import { describeLastCredentialUse } from '../shared/last-credential-use-text.js';
import { roleLabel } from './role-label.js';
import { soleAdminReason, type RowContext } from './row-context.js';

export function detailsId(member: Member): string {
  return `details-${member.id}`;
}

export function roleMenuKey(member: Member): string {
  return `role-${member.id}`;
}

/**
 * Renders a member's details: email, dates, auth token, legacy key and the credential their
 * tools last used, and for admins the role menu, the advanced permissions and Remove.
 */
export function renderDetails(member: Member, context: RowContext) {
  const manage = context.view.canManageMembers;
  return html`
    <div class="details" part="details">
      <dl>
        <div>
          <dt>${msg('Email')}</dt>
          <dd><bdi>${member.email}</bdi></dd>
        </div>
        ${renderDates(member)} ${renderAuthToken(member)} ${renderLegacyKey(member)}
        <div>
          <dt>${msg('Last credential used')}</dt>
          <dd class="last-credential-use">${describeLastCredentialUse(member)}</dd>
        </div>
      </dl>
      ${manage ? renderAdminControls(member, context) : nothing}
    </div>
  `;
}

function renderDates(member: Member) {
  if (member.joinedAt !== null) {
    return html`<div>
      <dt>${msg('Joined')}</dt>
      <dd>${formatDate(member.joinedAt)}</dd>
    </div>`;
  }
  return html`<div>
    <dt>${msg('Invited')}</dt>
    <dd>${member.invitedAt === null ? '—' : formatDate(member.invitedAt)}</dd>
  </div>`;
}

function renderAuthToken(member: Member) {
  let text = msg('None yet');
  if (member.authToken !== null) {
    text = `${member.authToken.hint}, ${describeLastUse(member.authToken.lastUsedAt)}`;
  }
  return html`<div>
      <dt>${msg('Auth token')}</dt>
      <dd>${text}</dd>
    </div>
    ${renderPreviousAuthToken(member)}`;
}

/** Renders the token that a rotation replaced while its grace period runs. */
function renderPreviousAuthToken(member: Member) {
  const previous = member.authToken?.previous ?? null;
  if (previous === null || Date.parse(previous.expiresAt) <= Date.now()) return nothing;

  const hint = previous.hint;
  const until = formatDateTime(previous.expiresAt);
  return html`<div>
    <dt>${msg('Previous auth token')}</dt>
    <dd part="previous-auth-token">
      ${msg(str`${hint}, works until ${until}`)}, ${describeLastUse(previous.lastUsedAt)}
    </dd>
  </div>`;
}

function renderLegacyKey(member: Member) {
  if (member.legacyKey === null) {
    return html`<div>
      <dt>${msg('Legacy API key')}</dt>
      <dd>${msg('None')}</dd>
    </div>`;
  }
  const lastUsed = member.legacyKey.lastUsedAt;
  return html`<div>
    <dt>${msg('Legacy API key')}</dt>
    <dd>${member.legacyKey.hint}, ${describeLastUse(lastUsed)}</dd>
  </div>`;
}

function describeLastUse(lastUsedAt: string | null): string {
  if (lastUsedAt === null) return msg('never used');
  const date = formatDate(lastUsedAt);
  const ago = formatRelativeTime(lastUsedAt);
  return msg(str`last used ${ago} (${date})`);
}

function renderAdminControls(member: Member, context: RowContext) {
  const soleAdmin = context.isSoleAdmin(member);
  return html`
    <div class="admin-controls">
      ${
        soleAdmin
          ? html`<p id="sole-admin-${member.id}" class="reason" part="reason">
              ${soleAdminReason()}
            </p>`
          : nothing
      }
      ${
        isRole(member.role)
          ? nothing
          : html`<p id="unknown-role-${member.id}" class="reason" part="reason">
              ${unknownRoleReason(member.role)}
            </p>`
      }
      ${renderRoleMenu(member, context, soleAdmin)} ${renderPermissions(member, context)}
      ${member.status === 'active' ? renderRemove(member, context, soleAdmin) : nothing}
    </div>
  `;
}

/** Returns why a role that this version does not know cannot be changed here. */
function unknownRoleReason(role: string) {
  const name = html`<bdi>${role}</bdi>`;
  // One line, so that Prettier's wrapping does not change the message in the catalog.
  // prettier-ignore
  return msg(html`This version of the admin panel does not know the role “${name}”, so the role cannot be changed here.`);
}

function renderRoleMenu(member: Member, context: RowContext, soleAdmin: boolean) {
  const { menu, changes, view } = context;
  const key = roleMenuKey(member);
  const busy = changes.isBusy(member.id, 'role');
  const unknownRole = !isRole(member.role);
  const disabled =
    soleAdmin || unknownRole || view.pendingMemberIds.has(member.id) || changes.isBusy(member.id);
  let reasonId: string | undefined;
  if (soleAdmin) reasonId = `sole-admin-${member.id}`;
  else if (unknownRole) reasonId = `unknown-role-${member.id}`;

  return html`
    <div class="field">
      <span class="field-label" id="role-label-${member.id}">${msg('Role')}</span>
      <button
        part="role-button"
        class="menu-trigger"
        type="button"
        aria-labelledby="role-label-${member.id} role-value-${member.id}"
        aria-describedby=${reasonId ?? nothing}
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
        <span id="role-value-${member.id}">${roleLabel(member.role)}</span>
        ${busy ? spinner : chevron}
      </button>
      ${menu.isOpen(key) ? renderRoleItems(member, context) : nothing}
    </div>
  `;
}

function renderRoleItems(member: Member, context: RowContext) {
  const roles: Role[] = ['admin', 'member'];
  return html`
    <div
      id=${context.menu.menuId(roleMenuKey(member))}
      part="menu role-menu"
      class="menu"
      role="menu"
      popover="manual"
      aria-label=${msg(str`Role of ${member.name}`)}
    >
      ${roles.map(
        (role) => html`
          <button
            part="menu-item"
            class="menu-item"
            type="button"
            role="menuitemradio"
            tabindex="-1"
            aria-checked=${member.role === role ? 'true' : 'false'}
            @click=${() => {
              if (member.role !== role) context.changeRole(member, role);
            }}
          >
            <span class="menu-item-title">${roleLabel(role)}</span>
            <span class="menu-item-note">
              ${role === 'admin' ? msg('Invites, removes and manages licenses') : msg('Read-only view')}
            </span>
          </button>
        `,
      )}
    </div>
  `;
}

function renderPermissions(member: Member, context: RowContext) {
  const catalog = context.view.permissions;
  if (catalog === null) {
    return html`<p class="muted">${msg('Loading the advanced permissions…')}</p>`;
  }
  if (!catalog.available) {
    return html`<p class="muted" part="permissions-unavailable">
      ${msg(str`Advanced permissions are not part of the ${catalog.plan} plan.`)}
    </p>`;
  }

  const busy = context.changes.isBusy(member.id, 'permissions');
  const disabled =
    context.view.pendingMemberIds.has(member.id) || context.changes.isBusy(member.id);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (disabled) return;
    const form = event.currentTarget as HTMLFormElement;
    const chosen = new FormData(form).getAll('permission').map(String);
    context.savePermissions(member, chosen);
  };

  return html`
    <form class="permissions" part="permissions" @submit=${submit}>
      <fieldset>
        <legend>${msg('Advanced permissions')}</legend>
        ${catalog.permissions.map(
          (permission) => html`
            <label class="checkbox">
              <input
                type="checkbox"
                name="permission"
                value=${permission.id}
                .checked=${member.permissions.includes(permission.id)}
                aria-describedby="permission-${member.id}-${permission.id}"
              />
              <span>${permission.label}</span>
              <span class="muted small-text" id="permission-${member.id}-${permission.id}">
                ${permission.description}
              </span>
            </label>
          `,
        )}
      </fieldset>
      <button
        part="save-permissions-button"
        type="submit"
        aria-label=${msg(str`Save permissions of ${member.name}`)}
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${busy ? spinner : nothing}${msg('Save permissions')}
      </button>
    </form>
  `;
}

function renderRemove(member: Member, context: RowContext, soleAdmin: boolean) {
  const busy = context.changes.isBusy(member.id, 'remove');
  const disabled =
    soleAdmin || context.view.pendingMemberIds.has(member.id) || context.changes.isBusy(member.id);
  return html`
    <button
      part="remove-button"
      class="danger"
      type="button"
      aria-label=${msg(str`Remove ${member.name} from the workspace`)}
      aria-describedby=${soleAdmin ? `sole-admin-${member.id}` : nothing}
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${() => {
        if (!disabled) context.remove(member);
      }}
    >
      ${busy ? spinner : nothing}${msg('Remove')}
    </button>
  `;
}
