import { LsAdminError } from '../errors/ls-admin-error.js';
import { Activation, type ActivationRequest } from '../schemas/activation.js';
import { AuthToken, RotatedAuthToken } from '../schemas/auth-token.js';
import type { InvitationRequest } from '../schemas/invitation.js';
import { Licenses } from '../schemas/license.js';
import type { MemberUpdate } from '../schemas/member-update.js';
import { Member, MembersPage } from '../schemas/member.js';
import { Migration } from '../schemas/migration.js';
import { PermissionCatalog } from '../schemas/permissions.js';
import { WorkspaceInfo } from '../schemas/workspace.js';
import { checkNonEmptyString, resolveClientSettings } from './client-settings.js';
import { HttpTransport } from './http-transport.js';
import { checkGracePeriod } from './grace-period.js';
import { membersSearchParams } from './members-search-params.js';
import { UnansweredRequests } from './unanswered-requests.js';
import type {
  EventStreamRequest,
  IdempotentChange,
  RotationOptions,
  VersionedChange,
  WorkspaceClient,
  WorkspaceClientOptions,
} from './workspace-client.js';

/** The longest `Idempotency-Key` that the API accepts. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Creates a client for one workspace. Checks the options at once and throws a `TypeError`
 * or `RangeError` naming the option when one is invalid.
 *
 * Every method resolves with the response body checked against the contract's schema, or
 * rejects with an `LsAdminError`: `HttpError`, `TimeoutError`, `NetworkError` or
 * `ResponseValidationError`.
 */
export function createWorkspaceClient(options: WorkspaceClientOptions): WorkspaceClient {
  const settings = resolveClientSettings(options);
  const transport = new HttpTransport(settings);
  const unansweredInvitations = new UnansweredRequests();
  const workspacePath = `workspaces/${encodeURIComponent(settings.workspaceId)}`;

  // Methods are async so that an invalid argument rejects like every other failure
  // instead of throwing before a promise exists.
  const memberPath = (memberId: string, suffix = ''): string => {
    checkNonEmptyString(memberId, 'memberId', "such as 'mem_1'");
    return `${workspacePath}/members/${encodeURIComponent(memberId)}${suffix}`;
  };

  const client: WorkspaceClient = {
    workspaceId: settings.workspaceId,
    baseUrl: settings.baseUrl,

    async getWorkspace() {
      return transport.send(
        { method: 'GET', path: workspacePath },
        { schema: WorkspaceInfo, name: 'WorkspaceInfo' },
      );
    },

    async listMembers(query = {}) {
      return transport.send(
        {
          method: 'GET',
          path: `${workspacePath}/members`,
          searchParams: membersSearchParams(query),
        },
        { schema: MembersPage, name: 'MembersPage' },
      );
    },

    async *listAllMembers(query = {}) {
      let cursor: string | undefined;
      do {
        const page = await client.listMembers({ ...query, cursor });
        yield* page.items;

        if (page.nextCursor !== null && page.nextCursor === cursor) {
          throw new LsAdminError(
            `The server returned the cursor '${cursor}' for the page it was requested with; ` +
              'stopped to avoid fetching the same page forever.',
          );
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    },

    async getMember(memberId) {
      return transport.send(
        { method: 'GET', path: memberPath(memberId) },
        { schema: Member, name: 'Member' },
      );
    },

    async updateMember(memberId: string, update: MemberUpdate, options: VersionedChange) {
      const version = (options as VersionedChange | undefined)?.version;
      checkVersion(version);
      return transport.send(
        {
          method: 'PATCH',
          path: memberPath(memberId),
          json: update,
          headers: { 'if-match': `"${version}"` },
        },
        { schema: Member, name: 'Member' },
      );
    },

    async removeMember(memberId) {
      return transport.sendWithoutBody({ method: 'DELETE', path: memberPath(memberId) });
    },

    async invite(request: InvitationRequest, { idempotencyKey }: IdempotentChange = {}) {
      const body = JSON.stringify(request);
      const key = idempotencyKey ?? unansweredInvitations.keyFor(body);
      checkIdempotencyKey(key);
      try {
        const member = await transport.send(
          {
            method: 'POST',
            path: `${workspacePath}/invitations`,
            json: request,
            headers: { 'idempotency-key': key },
            idempotent: true,
          },
          { schema: Member, name: 'Member' },
        );
        unansweredInvitations.settle(body, key);
        return member;
      } catch (error) {
        unansweredInvitations.settle(body, key, error);
        throw error;
      }
    },

    async resendInvitation(memberId) {
      checkNonEmptyString(memberId, 'memberId', "such as 'mem_1'");
      return transport.send(
        {
          method: 'POST',
          path: `${workspacePath}/invitations/${encodeURIComponent(memberId)}/resend`,
        },
        { schema: Member, name: 'Member' },
      );
    },

    async revokeInvitation(memberId) {
      // The API revokes a pending invitation by removing the invited member.
      return client.removeMember(memberId);
    },

    async listLicenses() {
      return transport.send(
        { method: 'GET', path: `${workspacePath}/licenses` },
        { schema: Licenses, name: 'Licenses' },
      );
    },

    async assignLicense(memberId, licenseId) {
      const path = memberPath(memberId, '/license');
      checkNonEmptyString(licenseId, 'licenseId', "such as 'lic_team'");
      return transport.send(
        { method: 'PUT', path, json: { licenseId } },
        { schema: Member, name: 'Member' },
      );
    },

    async unassignLicense(memberId) {
      return transport.send(
        { method: 'DELETE', path: memberPath(memberId, '/license') },
        { schema: Member, name: 'Member' },
      );
    },

    async removeLegacyKey(memberId) {
      return transport.send(
        { method: 'DELETE', path: memberPath(memberId, '/legacy-key') },
        { schema: Member, name: 'Member' },
      );
    },

    async getPermissionCatalog() {
      return transport.send(
        { method: 'GET', path: `${workspacePath}/permissions` },
        { schema: PermissionCatalog, name: 'PermissionCatalog' },
      );
    },

    async getMigration() {
      return transport.send(
        { method: 'GET', path: `${workspacePath}/migration` },
        { schema: Migration, name: 'Migration' },
      );
    },

    async getOwnAuthToken() {
      return transport.send(
        { method: 'GET', path: 'me/auth-token' },
        { schema: AuthToken, name: 'AuthToken' },
      );
    },

    async rotateOwnAuthToken(options: RotationOptions = {}) {
      const gracePeriodSeconds = checkGracePeriod(options);
      // Not retried: a rotation whose response is lost has already replaced the token, and a
      // second one would replace the value that the caller never saw.
      return transport.send(
        { method: 'POST', path: 'me/auth-token/rotate', json: { gracePeriodSeconds } },
        { schema: RotatedAuthToken, name: 'RotatedAuthToken' },
      );
    },

    async revokePreviousAuthToken() {
      return transport.send(
        { method: 'DELETE', path: 'me/auth-token/previous' },
        { schema: AuthToken, name: 'AuthToken' },
      );
    },

    async activateLicense(request: ActivationRequest) {
      return transport.send(
        { method: 'POST', path: 'license/activate', json: request, authenticated: false },
        { schema: Activation, name: 'Activation' },
      );
    },

    async openEventStream({ lastEventId, signal }: EventStreamRequest = {}) {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId != null && lastEventId !== '') headers['last-event-id'] = lastEventId;
      const { response } = await transport.open({
        method: 'GET',
        path: `${workspacePath}/events`,
        headers,
        signal,
      });
      return response;
    },
  };
  return client;
}

function checkVersion(version: unknown): void {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return;
  throw new TypeError(
    `\`version\` must be the member's version as last read, a whole number from 1, ` +
      `but it is ${String(version)}. Pass it as the third argument: ` +
      `updateMember(id, update, { version: member.version }).`,
  );
}

function checkIdempotencyKey(key: unknown): void {
  checkNonEmptyString(key, 'idempotencyKey', 'such as a random UUID');
  if ((key as string).length <= MAX_IDEMPOTENCY_KEY_LENGTH) return;
  throw new RangeError(
    `\`idempotencyKey\` must have at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, ` +
      `but it has ${(key as string).length}.`,
  );
}
