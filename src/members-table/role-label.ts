import { msg } from '@lit/localize';

import { isRole, type OpenRole } from '../../sdk/schemas/index.js';

/**
 * Returns the label of a role in the active locale, or the role as the server sent it when
 * this version does not know it, such as a role that a newer server added.
 */
export function roleLabel(role: OpenRole): string {
  if (!isRole(role)) return role;
  return role === 'admin' ? msg('Admin') : msg('Member');
}
