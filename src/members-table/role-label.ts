import { isRole, type OpenRole, type Role } from '../../sdk/schemas/index.js';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', member: 'Member' };

/**
 * Returns the label of a role, or the role as the server sent it when this version does not
 * know it, such as a role that a newer server added.
 */
export function roleLabel(role: OpenRole): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}
