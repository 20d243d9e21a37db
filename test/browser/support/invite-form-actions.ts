import { sendKeys } from '@web/test-runner-commands';

import type { LsInviteForm } from '../../../src/index.js';
import { partOf, shadowQuery, textOf } from './shadow-queries.js';
import { waitUntil } from './wait-until.js';

export type InviteInput = 'name' | 'email';

export function inviteInput(form: LsInviteForm, field: InviteInput): HTMLInputElement {
  return partOf<HTMLInputElement>(form, `${field}-input`);
}

export function submitButton(form: LsInviteForm): HTMLButtonElement {
  return partOf<HTMLButtonElement>(form, 'submit-button');
}

/** Types into a field with the keyboard, as a person would. */
export async function typeInto(form: LsInviteForm, field: InviteInput, text: string) {
  inviteInput(form, field).focus();
  await sendKeys({ type: text });
}

/** Returns the message shown for a field, read through its aria-describedby. */
export function messageFor(form: LsInviteForm, field: InviteInput): string {
  const id = inviteInput(form, field).getAttribute('aria-describedby');
  return id === null ? '' : textOf(shadowQuery(form, `#${id}`));
}

/** Waits until the form's request has finished and the form has rendered the result. */
export async function untilIdle(form: LsInviteForm): Promise<void> {
  await waitUntil(() => !submitButton(form).disabled, 'the invitation did not finish');
  await form.updateComplete;
}
