import { isHttpError } from '../../sdk/errors/index.js';
import { describeError } from '../shared/describe-error.js';

/** Sentences for the problem codes that a change in the table can cause. */
const SENTENCES: Record<string, string> = {
  last_admin: 'A workspace keeps at least one admin. Make another member an admin first.',
  version_conflict:
    'Someone else changed this member meanwhile. Load the list again, then repeat the change.',
  no_seats_available: 'No seats are left in this license pool. Pick another pool or free a seat.',
  forbidden: 'You are not allowed to make this change. Ask an admin of the workspace.',
  already_member: 'This person is already a member of the workspace.',
  not_found: 'This member no longer exists. Reload the list to see the current members.',
};

/** Turns a failed change into a sentence: a fixed one for known problem codes, else the detail. */
export function describeChangeError(error: unknown): string {
  if (isHttpError(error) && error.code !== null) {
    const sentence = SENTENCES[error.code];
    if (sentence !== undefined) return sentence;
  }
  return describeError(error);
}
