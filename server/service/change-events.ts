import type { Member } from '../../sdk/schemas/member.js';
import type { ServiceContext } from './service-context.js';

// Call these after the change's transaction has returned, so that a change that rolled back
// publishes nothing. No caller runs a service change inside a transaction of its own, which
// would make the inner commit provisional.

/** Publishes a `member` event with the member as the API returns it. */
export function publishMember(context: ServiceContext, workspaceId: string, member: Member): void {
  context.events?.publish(workspaceId, 'member', member);
}

/** Publishes a `member-removed` event for a member who left or whose invitation was revoked. */
export function publishMemberRemoved(
  context: ServiceContext,
  workspaceId: string,
  memberId: string,
): void {
  context.events?.publish(workspaceId, 'member-removed', { memberId });
}

/** Publishes a `licenses` event: seats or the active-license count changed. */
export function publishLicenses(context: ServiceContext, workspaceId: string): void {
  context.events?.publish(workspaceId, 'licenses', {});
}
