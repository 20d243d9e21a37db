import type { Licenses } from '../../../sdk/schemas/license.js';
import type { Member } from '../../../sdk/schemas/member.js';
import type { ApiOperation } from './api-operations.js';
import { fillPath } from './api-operations.js';
import type { TestServer } from './test-server.js';

/** A request that an admin of the workspace may send and that then succeeds. */
export interface ExampleRequest {
  method: string;
  /** The path with its parameters filled in. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Members and pools of the demo workspace that the example requests act on. Each change acts
 * on a member of its own, so that every example succeeds once, in any order.
 */
export interface ExampleTargets {
  workspaceId: string;
  /** An active plain member whose role `updateMember` changes. */
  roleChange: Member;
  /** An active plain member whom `removeMember` removes. */
  removal: Member;
  /** A pending invitation that `resendInvitation` sends again. */
  invitation: Member;
  /** An active member without a license, to whom `assignLicense` gives one. */
  unlicensed: Member;
  /** A pool with a free seat. */
  freePoolId: string;
  /** A licensed member without a legacy key, whose license `unassignLicense` frees. */
  licensed: Member;
  /** A member with a legacy key, which `removeLegacyKey` deletes. */
  legacyKeyHolder: Member;
  /** The email that `invite` invites, which no member of the workspace has. */
  inviteEmail: string;
  /** A pending invitation's token, for `acceptInvitation`. */
  invitationToken: string;
  /** An auth token or legacy key of a licensed member, for `activateLicense`. */
  credential: { type: 'auth-token' | 'api-key'; token: string };
}

/**
 * Picks distinct targets from the demo workspace of a test server, reading it as the admin.
 * `exclude` lists member ids that must not be picked, such as the callers of a test.
 */
export async function findExampleTargets(
  api: TestServer,
  exclude: readonly string[] = [],
): Promise<ExampleTargets> {
  const members = await api.listAllMembers('limit=100');
  const licenses = await api.call<Licenses>('GET', api.workspacePath('/licenses'), {
    token: api.admin.sessionToken,
  });
  const taken = new Set([api.admin.memberId, api.member.memberId, ...exclude]);
  const pick = (description: string, test: (member: Member) => boolean): Member => {
    const found = members.find((member) => !taken.has(member.id) && test(member));
    if (found === undefined) throw new Error(`The demo workspace has no ${description} left.`);
    taken.add(found.id);
    return found;
  };

  const activePlain = (member: Member) => member.status === 'active' && member.role === 'member';
  const pendingInvitation = (member: Member) =>
    member.status === 'invited' &&
    member.invitation !== null &&
    Date.parse(member.invitation.expiresAt) > api.clock.now().getTime();
  const freePool = licenses.body.pools.find(
    (pool) =>
      pool.used < pool.seats &&
      (pool.expiresAt === null || Date.parse(pool.expiresAt) > api.clock.now().getTime()),
  );
  if (freePool === undefined) throw new Error('The demo workspace has no pool with a free seat.');

  const invitationForAcceptance = pick('second pending invitation', pendingInvitation);
  const inviteEmail = `example.${Date.now().toString(36)}@example.org`;
  return {
    workspaceId: api.workspaceId,
    roleChange: pick('active plain member', activePlain),
    removal: pick('second active plain member', activePlain),
    invitation: pick('pending invitation', pendingInvitation),
    unlicensed: pick(
      'active member without a license',
      (m) => m.status === 'active' && m.licenseId === null,
    ),
    freePoolId: freePool.id,
    licensed: pick('licensed member', (m) => m.licenseId !== null && m.legacyKey === null),
    legacyKeyHolder: pick('member with a legacy key', (m) => m.legacyKey !== null),
    inviteEmail,
    invitationToken: await resendForToken(api, invitationForAcceptance),
    credential: { type: 'api-key', token: api.member.legacyKey },
  };
}

/** Resends an invitation as the admin, because the outbox contains the only copy of its token. */
async function resendForToken(api: TestServer, invitation: Member): Promise<string> {
  const resent = await api.call('POST', api.workspacePath(`/invitations/${invitation.id}/resend`), {
    token: api.admin.sessionToken,
  });
  if (resent.status !== 200) {
    throw new Error(`Resending ${invitation.id} returned ${resent.status}.`);
  }
  return api.invitationTokenFor(invitation.email);
}

/**
 * Builds a request for an operation that succeeds for an admin of the targets' workspace.
 * Throws for an operation without an example, so that a new route fails the tests that
 * iterate over every operation until it gets one here.
 */
export function exampleRequest(operation: ApiOperation, targets: ExampleTargets): ExampleRequest {
  const path = (memberId?: string) =>
    fillPath(operation.path, {
      workspaceId: targets.workspaceId,
      ...(memberId === undefined ? {} : { memberId }),
    });
  const request = (memberId?: string, extra: Omit<ExampleRequest, 'method' | 'path'> = {}) => ({
    method: operation.method,
    path: path(memberId),
    ...extra,
  });

  switch (operation.operationId) {
    case 'getWorkspace':
    case 'listMembers':
    case 'listLicenses':
    case 'getPermissionCatalog':
    case 'getMigration':
    case 'getOwnAuthToken':
    case 'revokePreviousAuthToken':
    case 'getOpenApiDocument':
    case 'streamWorkspaceEvents':
      return request();
    case 'rotateOwnAuthToken':
      return request(undefined, { body: { gracePeriodSeconds: 3600 } });
    case 'getMember':
      return request(targets.roleChange.id);
    case 'updateMember':
      return request(targets.roleChange.id, {
        body: { role: 'admin' },
        headers: { 'If-Match': `"${targets.roleChange.version}"` },
      });
    case 'removeMember':
      return request(targets.removal.id);
    case 'invite':
      return request(undefined, {
        body: { name: 'Example Invitee', email: targets.inviteEmail },
        headers: { 'Idempotency-Key': `example-${targets.inviteEmail}` },
      });
    case 'resendInvitation':
      return request(targets.invitation.id);
    case 'assignLicense':
      return request(targets.unlicensed.id, { body: { licenseId: targets.freePoolId } });
    case 'unassignLicense':
      return request(targets.licensed.id);
    case 'removeLegacyKey':
      return request(targets.legacyKeyHolder.id);
    case 'acceptInvitation':
      return request(undefined, { body: { token: targets.invitationToken, name: 'Accepted' } });
    case 'activateLicense':
      return request(undefined, { body: { credentials: targets.credential } });
    default:
      throw new Error(
        `No example request for ${operation.operationId} (${operation.method} ` +
          `${operation.path}). Add one to test/node/support/example-requests.ts.`,
      );
  }
}
