import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

import { isMemberStatus, type Member } from '../../sdk/schemas/index.js';
import { spinner } from './icons.js';
import { formatDate, formatRelativeTime } from '../i18n/format.js';
import type { RowContext } from './row-context.js';

/**
 * Renders the status cell: "Active", or the invitation with its expiry. Admins also get
 * Resend and Revoke on invitations. A status that this version does not know shows as sent.
 */
export function renderStatusCell(member: Member, context: RowContext) {
  if (member.status === 'active') return msg('Active');
  if (!isMemberStatus(member.status)) return html`<bdi>${member.status}</bdi>`;

  return html`<span class="invitation-status">
    ${renderInvitation(member)}
    ${context.view.canManageMembers ? renderInvitationActions(member, context) : nothing}
  </span>`;
}

function renderInvitation(member: Member) {
  const expiresAt = member.invitation?.expiresAt;
  if (expiresAt === undefined) {
    return html`<span part="badge status-badge">${msg('Invitation pending')}</span>`;
  }

  // An invitation stays listed after it expires, until an admin resends or revokes it.
  const date = formatDate(expiresAt);
  const relative = formatRelativeTime(expiresAt, { largestUnit: 'day' });
  if (Date.parse(expiresAt) <= Date.now()) {
    return html`
      <span part="badge status-badge" class="expired">${msg('Invitation expired')}</span>
      <span class="muted expiry" title=${date}>${msg(str`expired ${relative}`)}</span>
    `;
  }
  return html`
    <span part="badge status-badge">${msg('Invitation pending')}</span>
    <span class="muted expiry" title=${date}>${msg(str`expires ${relative}`)}</span>
  `;
}

function renderInvitationActions(member: Member, context: RowContext) {
  const { changes, view } = context;
  const disabled = view.pendingMemberIds.has(member.id) || changes.isBusy(member.id);
  const resending = changes.isBusy(member.id, 'resend');
  const revoking = changes.isBusy(member.id, 'revoke');

  return html`
    <span class="inline-actions">
      <button
        part="resend-button"
        class="small"
        type="button"
        aria-label=${msg(str`Resend the invitation to ${member.email}`)}
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-busy=${resending ? 'true' : 'false'}
        @click=${() => {
          if (!disabled) context.resend(member);
        }}
      >
        ${resending ? spinner : nothing}${msg('Resend')}
      </button>
      <button
        part="revoke-button"
        class="small danger"
        type="button"
        aria-label=${msg(str`Revoke the invitation to ${member.email}`)}
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-busy=${revoking ? 'true' : 'false'}
        @click=${() => {
          if (!disabled) context.revoke(member);
        }}
      >
        ${revoking ? spinner : nothing}${msg('Revoke')}
      </button>
    </span>
  `;
}
