import type { TemplateResult } from 'lit';

import { EmailAddress, InvitationRequest, PersonName } from '../../sdk/schemas/invitation.js';
import type { Role } from '../../sdk/schemas/member.js';
import { localizeSchemaMessage } from './schema-messages.js';

/** The controls of the invite form that a message can belong to. */
export type InviteField = 'name' | 'email' | 'role' | 'licenseId';

/** A message for one control, or for the form as a whole under `form`. */
export type InviteMessages = Partial<Record<InviteField | 'form', string | TemplateResult>>;

/** The values entered in the form, before validation. */
export interface InviteValues {
  name: string;
  email: string;
  role: Role;
  /** The pool to take a seat from, or `null` when no license is assigned. */
  licenseId: string | null;
}

/** Maps the first segment of a problem's dotted `path` to the control that shows it. */
export function fieldOfPath(path: string): InviteField | null {
  const field = path.split('.')[0];
  switch (field) {
    case 'name':
    case 'email':
    case 'role':
    case 'licenseId':
      return field;
    default:
      return null;
  }
}

/**
 * Returns the message for a name, or `null` when it is valid. The messages come from the
 * same schema the server validates with, so the form and the server agree.
 */
export function nameMessage(name: string): string | null {
  const result = PersonName.safeParse(name);
  const message = result.success ? undefined : result.error.issues[0]?.message;
  return message === undefined ? null : localizeSchemaMessage(message);
}

/** Returns the message for an email address, or `null` when it is valid. */
export function emailMessage(email: string): string | null {
  const result = EmailAddress.safeParse(email);
  const message = result.success ? undefined : result.error.issues[0]?.message;
  return message === undefined ? null : localizeSchemaMessage(message);
}

/**
 * Validates the whole request. Returns the body to send, with the name and email trimmed,
 * or the first message of each invalid field.
 */
export function parseInvitation(
  values: InviteValues,
): { request: InvitationRequest } | { messages: InviteMessages } {
  // An absent license is left out of the body instead of sent as `null`.
  const result = InvitationRequest.safeParse({
    ...values,
    licenseId: values.licenseId ?? undefined,
  });
  if (result.success) return { request: result.data };

  const messages: InviteMessages = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path.map(String).join('.')) ?? 'form';
    messages[field] ??= localizeSchemaMessage(issue.message);
  }
  return { messages };
}
