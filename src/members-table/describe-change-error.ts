import { msg, str } from '@lit/localize';

import { isHttpError } from '../../sdk/errors/index.js';
import type { Member } from '../../sdk/schemas/index.js';
import { describeError } from '../shared/describe-error.js';
import { roleLabel } from './role-label.js';

/** A member as the store held them before a failed change, and after it. */
export interface MemberVersions {
  before: Member | undefined;
  after: Member | undefined;
}

/**
 * Returns the sentence for a problem code that a change in the table can cause, in the active
 * locale, or `undefined` for any other code.
 */
function sentenceFor(code: string): string | undefined {
  switch (code) {
    case 'last_admin':
      return msg('A workspace keeps at least one admin. Make another member an admin first.');
    case 'version_conflict':
      return msg(
        'Someone else changed this member meanwhile. Load the list again, then repeat the change.',
      );
    case 'no_seats_available':
      return msg('No seats are left in this license pool. Pick another pool or free a seat.');
    case 'forbidden':
      return msg('You are not allowed to make this change. Ask an admin of the workspace.');
    case 'already_member':
      return msg('This person is already a member of the workspace.');
    case 'not_found':
      return msg('This member no longer exists. Reload the list to see the current members.');
    default:
      return undefined;
  }
}

/**
 * Turns a failed change into a sentence: a fixed one for known problem codes, else the detail.
 * For a `version_conflict` after which the store holds a newer version of the member, the
 * sentence names the member's current role, which the admin checks before repeating the change.
 */
export function describeChangeError(error: unknown, member?: MemberVersions): string {
  if (isHttpError(error) && error.code === 'version_conflict') {
    const current = newerVersion(member);
    if (current !== undefined) {
      const role = roleLabel(current.role);
      return msg(
        str`Someone else changed this member meanwhile. Their role is now ${role}. Repeat the change if it is still needed.`,
      );
    }
  }
  if (isHttpError(error) && error.code !== null) {
    const sentence = sentenceFor(error.code);
    if (sentence !== undefined) return sentence;
  }
  return describeError(error);
}

/**
 * Returns the member after the failure when the store read a newer version of them. After a
 * `version_conflict` the store reads the member again, but keeps the old one when that fails.
 */
function newerVersion(member: MemberVersions | undefined): Member | undefined {
  const { before, after } = member ?? {};
  if (before === undefined || after === undefined) return undefined;
  return after.version > before.version ? after : undefined;
}
