import { isMemberStatus, isRole, type Member } from '../../sdk/schemas/index.js';
import { warnOnce } from '../shared/dev-warning.js';

/**
 * Warns once for each role or status that this version does not know, such as one that a
 * newer server added. The warning names the value and not the member, so a value that many
 * members share is reported once.
 */
export function warnUnknownValues(element: Element, member: Member): void {
  if (!isRole(member.role)) {
    warnOnce(
      element,
      `The server sent the role "${member.role}", which this version of ls-admin does not ` +
        'know. Members with it show the role as sent, and their role cannot be changed here. ' +
        'Update ls-admin to a version that knows the role.',
    );
  }
  if (!isMemberStatus(member.status)) {
    warnOnce(
      element,
      `The server sent the member status "${member.status}", which this version of ls-admin ` +
        'does not know. Members with it show the status as sent, without invitation actions. ' +
        'Update ls-admin to a version that knows the status.',
    );
  }
}
