import { msg, str } from '@lit/localize';
import { html, type ReactiveElement } from 'lit';

import type { LicensePool, Member, Role } from '../../sdk/schemas/index.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import type { ConfirmOptions } from '../confirm-dialog/ls-confirm-dialog.js';
import type { AnnouncerController } from '../controllers/announcer-controller.js';
import { LsInvitationResentEvent } from '../events/invitation-resent-event.js';
import { LsLicenseAssignedEvent } from '../events/license-assigned-event.js';
import { LsLicenseUnassignedEvent } from '../events/license-unassigned-event.js';
import { LsMemberRemovedEvent } from '../events/member-removed-event.js';
import { LsRoleChangedEvent } from '../events/role-changed-event.js';
import type { MemberChangeController } from './member-change-controller.js';
import { poolTitle } from './pool-availability.js';
import type { RowFocus } from './row-focus.js';

/** The parts of `<ls-members-table>` that its member actions use. */
export interface MemberActionsHost {
  /** The element that dispatches the events. */
  readonly element: ReactiveElement;
  readonly changes: MemberChangeController;
  readonly announcer: AnnouncerController;
  readonly focus: RowFocus;
  store(): WorkspaceStore | undefined;
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** Collapses the details of a member who was removed. */
  collapse(memberId: string): void;
}

/**
 * Runs the changes that the rows of `<ls-members-table>` offer. Each one confirms first where
 * it cannot be undone, runs through the `MemberChangeController`, and on success dispatches
 * its event, announces the result and puts focus back where the person was working.
 */
export class MemberActions {
  readonly #host: MemberActionsHost;

  constructor(host: MemberActionsHost) {
    this.#host = host;
  }

  async assign(member: Member, pool: LicensePool): Promise<void> {
    const store = this.#host.store();
    if (store === undefined) return;

    const previous = member.licenseId;
    const updated = await this.#host.changes.run({
      memberId: member.id,
      control: 'license',
      action: 'assign-license',
      failure: () => msg(str`Could not assign a ${pool.name} license to ${member.name}.`),
      run: () => store.assignLicense(member.id, pool.id),
    });
    if (updated === undefined) return;

    this.#host.element.dispatchEvent(new LsLicenseAssignedEvent(updated, previous));
    this.#host.announcer.announce(
      previous === null
        ? msg(str`Assigned a ${pool.name} license to ${member.name}`)
        : msg(str`Moved ${member.name} to a ${pool.name} license`),
    );
    await this.#host.focus.inRow(member.id, '[part~="license-button"]');
  }

  async unassign(member: Member): Promise<void> {
    const store = this.#host.store();
    const licenseId = member.licenseId;
    if (store === undefined || licenseId === null) return;

    const pool = store.state.licenses?.pools.find((candidate) => candidate.id === licenseId);
    const change = this.#host.changes.run({
      memberId: member.id,
      control: 'unassign',
      action: 'unassign-license',
      failure: () => msg(str`Could not unassign the license of ${member.name}.`),
      run: () => store.unassignLicense(member.id),
    });

    // The store removes the badge at once, and with it the focused button, so focus moves to
    // the "No license" button of the same row instead of falling back to the document.
    await this.#host.focus.inRow(member.id, '[part~="assign-button"]');

    const updated = await change;
    if (updated === undefined) {
      await this.#host.focus.inRow(member.id, '[part~="unassign-button"]');
      return;
    }
    this.#host.element.dispatchEvent(new LsLicenseUnassignedEvent(updated, licenseId));
    const name = member.name;
    if (pool === undefined) {
      this.#host.announcer.announce(msg(str`Unassigned the license of ${name}`));
    } else {
      const title = poolTitle(pool);
      this.#host.announcer.announce(msg(str`Unassigned the ${title} license of ${name}`));
    }
  }

  async resend(member: Member): Promise<void> {
    const store = this.#host.store();
    if (store === undefined) return;

    const updated = await this.#host.changes.run({
      memberId: member.id,
      control: 'resend',
      action: 'resend-invitation',
      failure: () => msg(str`Could not resend the invitation to ${member.email}.`),
      run: () => store.resend(member.id),
    });
    if (updated === undefined) return;

    this.#host.element.dispatchEvent(new LsInvitationResentEvent(updated));
    this.#host.announcer.announce(msg(str`Sent the invitation to ${member.email} again`));
  }

  async revoke(member: Member): Promise<void> {
    const store = this.#host.store();
    const email = html`<bdi>${member.email}</bdi>`;
    const confirmed = await this.#host.confirm({
      heading: msg(str`Revoke the invitation to ${member.email}?`),
      message: msg(
        html`${email} can no longer join with this invitation. You can invite them again later.`,
      ),
      confirmLabel: msg('Revoke'),
      tone: 'danger',
    });
    if (!confirmed || store === undefined) return;

    const next = neighbourOf(store, member.id);
    const done = await this.#host.changes.run({
      memberId: member.id,
      control: 'revoke',
      action: 'revoke-invitation',
      failure: () => msg(str`Could not revoke the invitation to ${member.email}.`),
      run: () => store.revoke(member.id).then(() => true),
    });
    if (done === undefined) return;

    this.#host.element.dispatchEvent(new LsMemberRemovedEvent(member));
    this.#host.announcer.announce(msg(str`Revoked the invitation to ${member.email}`));
    await this.#host.focus.afterRemoval(next);
  }

  async remove(member: Member): Promise<void> {
    const store = this.#host.store();
    const name = html`<bdi>${member.name}</bdi>`;
    const confirmed = await this.#host.confirm({
      heading: msg(str`Remove ${member.name}?`),
      // One line, so that Prettier's wrapping does not change the message in the catalog.
      // prettier-ignore
      message: msg(
        html`${name} loses access to the workspace, and any license they hold is freed. You can invite them again later.`,
      ),
      confirmLabel: msg('Remove'),
      tone: 'danger',
    });
    if (!confirmed || store === undefined) return;

    const next = neighbourOf(store, member.id);
    const done = await this.#host.changes.run({
      memberId: member.id,
      control: 'remove',
      action: 'remove-member',
      failure: () => msg(str`Could not remove ${member.name}.`),
      run: () => store.remove(member.id).then(() => true),
    });
    if (done === undefined) return;

    this.#host.collapse(member.id);
    this.#host.element.dispatchEvent(new LsMemberRemovedEvent(member));
    this.#host.announcer.announce(msg(str`Removed ${member.name}`));
    await this.#host.focus.afterRemoval(next);
  }

  async changeRole(member: Member, role: Role): Promise<void> {
    const store = this.#host.store();
    if (store === undefined) return;

    const updated = await this.#host.changes.run({
      memberId: member.id,
      control: 'role',
      action: 'change-role',
      failure: () =>
        role === 'admin'
          ? msg(str`Could not make ${member.name} an admin.`)
          : msg(str`Could not make ${member.name} a member.`),
      run: () => store.updateMember(member.id, { role }, { version: member.version }),
      latest: () => store.state.members.items.find((item) => item.id === member.id),
    });
    if (updated === undefined) return;

    this.#host.element.dispatchEvent(new LsRoleChangedEvent(updated, member));
    this.#host.announcer.announce(
      role === 'admin'
        ? msg(str`Made ${member.name} an admin`)
        : msg(str`Made ${member.name} a member`),
    );
  }

  async savePermissions(member: Member, permissions: string[]): Promise<void> {
    const store = this.#host.store();
    if (store === undefined) return;

    const updated = await this.#host.changes.run({
      memberId: member.id,
      control: 'permissions',
      action: 'change-permissions',
      failure: () => msg(str`Could not save the permissions of ${member.name}.`),
      run: () => store.updateMember(member.id, { permissions }, { version: member.version }),
      latest: () => store.state.members.items.find((item) => item.id === member.id),
    });
    if (updated === undefined) return;

    this.#host.element.dispatchEvent(new LsRoleChangedEvent(updated, member));
    this.#host.announcer.announce(msg(str`Saved the permissions of ${member.name}`));
  }
}

/** Returns the member whose row takes focus when `memberId`'s row goes: next, else previous. */
function neighbourOf(store: WorkspaceStore, memberId: string): string | null {
  const items = store.state.members.items;
  const index = items.findIndex((member) => member.id === memberId);
  return (items[index + 1] ?? items[index - 1])?.id ?? null;
}
