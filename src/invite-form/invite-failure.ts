import { msg, str } from '@lit/localize';
import { html } from 'lit';

import { isHttpError, isLsAdminError } from '../../sdk/errors/index.js';
import type { InvitationRequest } from '../../sdk/schemas/invitation.js';
import type { Member } from '../../sdk/schemas/member.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import { describeError } from '../shared/describe-error.js';
import { fieldOfPath, type InviteMessages } from './invite-fields.js';

/** Returns the sentence for a viewer who may not invite, shown in the form and as its read-only view. */
export function onlyAdminsInvite(): string {
  return msg('Only admins can invite people.');
}

/** Returns the sentence for a failed invitation, with the reason. */
function couldNotSend(error: unknown): string {
  return msg(str`Could not send the invitation. ${describeError(error)}`);
}

/** Returns the sentence for a pool that has no free seat left; `undefined` is an unknown pool. */
export function noSeatsLeft(poolName: string | undefined): string {
  if (poolName === undefined) {
    return msg('No seats are left in the chosen pool. Choose another pool or free a seat.');
  }
  return msg(str`No seats are left in the ${poolName} pool. Choose another pool or free a seat.`);
}

/** Returns the sentence for a pool whose licenses have expired; `undefined` is an unknown pool. */
export function poolExpired(poolName: string | undefined): string {
  if (poolName === undefined) return msg('The chosen pool has expired. Choose another pool.');
  return msg(str`The ${poolName} pool has expired. Choose another pool.`);
}

/**
 * Turns a failed invitation into messages next to the controls that caused it: the email for
 * `already_member`, the pool picker for seat and expiry problems, each field of
 * `validation_failed`, and the form's alert for everything else, including a request that got
 * no readable response and may have stored the invitation.
 */
export async function explainInviteFailure(
  error: unknown,
  request: InvitationRequest,
  store: WorkspaceStore,
): Promise<InviteMessages> {
  if (isLsAdminError(error) && !isHttpError(error)) {
    return { form: describeUnconfirmed(request.email) };
  }
  if (!isHttpError(error)) return { form: couldNotSend(error) };

  const poolName = poolNameOf(store, request.licenseId);
  switch (error.code) {
    case 'already_member':
      return { email: describeExisting(await findByEmail(store, request.email), request.email) };
    case 'no_seats_available':
      return { licenseId: noSeatsLeft(poolName) };
    case 'license_expired':
      return { licenseId: poolExpired(poolName) };
    case 'forbidden':
      return { form: onlyAdminsInvite() };
    case 'validation_failed':
      return fieldMessages(error.errors, describeError(error));
    default:
      return { form: couldNotSend(error) };
  }
}

function fieldMessages(
  errors: readonly { path: string; message: string }[],
  detail: string,
): InviteMessages {
  const messages: InviteMessages = {};
  for (const { path, message } of errors) {
    const field = fieldOfPath(path);
    if (field === null) messages.form ??= `${path}: ${message}`;
    else messages[field] ??= message;
  }
  if (Object.keys(messages).length === 0) messages.form = detail;
  return messages;
}

/**
 * Describes an invitation that got no readable response, such as after a timeout. The server
 * may have stored it, and the store has loaded the member list again to show it.
 */
function describeUnconfirmed(email: string) {
  const recipient = html`<bdi>${email}</bdi>`;
  // The message is one line, because Prettier would otherwise wrap the template's text, and
  // each new line break would change the message that the catalog translates.
  // prettier-ignore
  return msg(
    html`The invitation to ${recipient} may have been sent, but the server's confirmation did not arrive or could not be read. The member list has been loaded again. Sending the same invitation again does not invite twice.`,
  );
}

function describeExisting(existing: Member | undefined, email: string) {
  if (existing === undefined) {
    const address = html`<bdi>${email}</bdi>`;
    return msg(html`${address} is already a member of this workspace or has a pending invitation.`);
  }
  const name = html`<bdi>${existing.name}</bdi>`;
  if (existing.status === 'invited') {
    return msg(html`${name} already has a pending invitation to this workspace.`);
  }
  return msg(html`${name} is already a member of this workspace.`);
}

/**
 * Finds the member who owns an email address, compared without regard to case as the server
 * does: first among the members the store has loaded, then with a search on the server.
 */
async function findByEmail(store: WorkspaceStore, email: string): Promise<Member | undefined> {
  const expected = email.toLowerCase();
  const matches = (member: Member) => member.email.toLowerCase() === expected;

  const loaded = store.state.members.items.find(matches);
  if (loaded !== undefined) return loaded;
  try {
    const page = await store.client.listMembers({ query: email, limit: 10 });
    return page.items.find(matches);
  } catch {
    // The sentence without the name is still right, so a failed search is not reported.
    return undefined;
  }
}

function poolNameOf(
  store: WorkspaceStore,
  licenseId: string | null | undefined,
): string | undefined {
  const pool = store.state.licenses?.pools.find((candidate) => candidate.id === licenseId);
  return pool?.name;
}
