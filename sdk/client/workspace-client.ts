import type { Activation, ActivationRequest } from '../schemas/activation.js';
import type { AuthToken, RotatedAuthToken } from '../schemas/auth-token.js';
import type { InvitationRequest } from '../schemas/invitation.js';
import type { Licenses } from '../schemas/license.js';
import type { MemberUpdate } from '../schemas/member-update.js';
import type { Member, MembersPage } from '../schemas/member.js';
import type { MembersQuery } from '../schemas/members-query.js';
import type { Migration } from '../schemas/migration.js';
import type { PermissionCatalog } from '../schemas/permissions.js';
import type { WorkspaceInfo } from '../schemas/workspace.js';

/** Supplies the session token; called before each request and again after a 401. */
export type TokenProvider = () => string | Promise<string>;

/** Options of `createWorkspaceClient`. */
export interface WorkspaceClientOptions {
  /** The API root that `/v1` hangs off, such as `https://admin.example.com` or `/` for the page's origin. */
  baseUrl: string | URL;
  /** The workspace id, such as `ws_demo`. */
  workspaceId: string;
  /** A fixed session token. Give this or `getToken`, not both. */
  token?: string;
  /** A function that returns the current session token. */
  getToken?: TokenProvider;
  /** A `fetch` to use in place of the global one, such as an in-process server's handler. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds before a request fails with `TimeoutError`, or `false` for none. Default 10000. */
  timeout?: number | false;
  /** Retries of idempotent requests after a network error, 408, 429 or 5xx. Default 2. */
  retry?: number;
}

/** Options of requests that change a member guarded by its version. */
export interface VersionedChange {
  /** The `version` of the member as last read; a stale one fails with `version_conflict`. */
  version: number;
}

/** Options of requests that create something. */
export interface IdempotentChange {
  /**
   * A key that makes a retried request replay the first response instead of acting twice.
   * Defaults to a fresh random key, except after a call with the same request that got no
   * readable response (a timeout, a network error or an unreadable body): its key is sent
   * again, because the server may have acted on it.
   */
  idempotencyKey?: string;
}

/** Options of `WorkspaceClient.openEventStream`. */
export interface EventStreamRequest {
  /** The id of the last event received, so that the server sends what came after it. */
  lastEventId?: string | null;
  /** Aborts the request and ends the stream. */
  signal?: AbortSignal;
}

/** Options of `WorkspaceClient.rotateOwnAuthToken`. */
export interface RotationOptions {
  /**
   * How many seconds the replaced token keeps working, from 0 to 604800 (7 days). Default 0:
   * the replaced token stops working at once.
   */
  gracePeriodSeconds?: number;
}

/** A typed client for one workspace of the membership and license API. */
export interface WorkspaceClient {
  readonly workspaceId: string;
  readonly baseUrl: URL;

  getWorkspace(): Promise<WorkspaceInfo>;
  listMembers(query?: MembersQuery): Promise<MembersPage>;
  /** Iterates over every member matching the query, fetching page after page. */
  listAllMembers(query?: Omit<MembersQuery, 'cursor'>): AsyncIterableIterator<Member>;
  getMember(memberId: string): Promise<Member>;
  updateMember(memberId: string, update: MemberUpdate, options: VersionedChange): Promise<Member>;
  removeMember(memberId: string): Promise<void>;

  invite(request: InvitationRequest, options?: IdempotentChange): Promise<Member>;
  resendInvitation(memberId: string): Promise<Member>;
  /** Revokes a pending invitation, which frees any seat it held. */
  revokeInvitation(memberId: string): Promise<void>;

  listLicenses(): Promise<Licenses>;
  /** Assigns a license, or reassigns it when the member already holds one from another pool. */
  assignLicense(memberId: string, licenseId: string): Promise<Member>;
  unassignLicense(memberId: string): Promise<Member>;
  removeLegacyKey(memberId: string): Promise<Member>;

  getPermissionCatalog(): Promise<PermissionCatalog>;
  getMigration(): Promise<Migration>;

  getOwnAuthToken(): Promise<AuthToken>;
  /**
   * Replaces the caller's auth token. The replaced token stops working at once, or keeps
   * working as the previous token for `gracePeriodSeconds`. A previous token still in its
   * grace period stops working at once. Never retried, because a repeated rotation would
   * replace the token whose value the caller never saw.
   */
  rotateOwnAuthToken(options?: RotationOptions): Promise<RotatedAuthToken>;
  /** Ends the grace period of the caller's previous auth token now. */
  revokePreviousAuthToken(): Promise<AuthToken>;
  /** Calls the endpoint that command-line tools use to activate their license. */
  activateLicense(request: ActivationRequest): Promise<Activation>;

  /**
   * Opens the workspace's event stream (`text/event-stream`) and resolves with the response
   * once its headers arrive, with the body unread. `readWorkspaceEvents` reads it, and
   * `WorkspaceStore` does both with reconnection. Rejects like the other methods, such as
   * with `UnauthorizedError` when the token is rejected also after a refresh.
   */
  openEventStream(request?: EventStreamRequest): Promise<Response>;
}
