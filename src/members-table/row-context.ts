import { msg } from '@lit/localize';

import type { LicensePool, Member, Role } from '../../sdk/schemas/index.js';
import type { MenuController } from '../menu/menu-controller.js';
import type { MemberChangeController } from './member-change-controller.js';
import type { MembersView } from './members-view.js';

/** Returns the reason shown on the controls that would demote or remove the last admin. */
export function soleAdminReason(): string {
  return msg('You are the only admin. Make another member an admin first.');
}

/** The state and callbacks that the templates of a member's row use; the table implements them. */
export interface RowContext {
  view: MembersView;
  menu: MenuController;
  changes: MemberChangeController;
  /** Tells whether `member` is the viewer and the workspace's only active admin. */
  isSoleAdmin(member: Member): boolean;
  assign(member: Member, pool: LicensePool): void;
  unassign(member: Member): void;
  resend(member: Member): void;
  revoke(member: Member): void;
  changeRole(member: Member, role: Role): void;
  savePermissions(member: Member, permissions: string[]): void;
  remove(member: Member): void;
}
