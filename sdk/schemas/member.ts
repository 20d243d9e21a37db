import * as z from 'zod/mini';

import { PreviousAuthToken } from './auth-token.js';
import { Id, Timestamp } from './common.js';

export const ROLES = ['admin', 'member'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const MEMBER_STATUSES = ['active', 'invited'] as const;
export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;

/**
 * A value of an enumeration that this version does not know, such as a role that a newer
 * server added. The brand keeps it apart from the known values, so that code that maps each
 * known value, such as a `switch` or a `Record<Role, …>`, has to handle it as well.
 */
export type UnknownValue = string & z.$brand<'UnknownValue'>;

/**
 * Accepts any string and types it as one of the `Known` values or an `UnknownValue`. It checks
 * only that the value is a string, because a `z.union` of the enum and a string accepts the
 * same values and adds about 0.3 kB to the gzipped SDK bundle (measured with size-limit).
 */
function openEnum<const Known extends string>(): z.ZodMiniType<Known | UnknownValue> {
  return z.string() as z.ZodMiniType<string> as z.ZodMiniType<Known | UnknownValue>;
}

/**
 * A role in a response: a known `Role`, or one added to the API after this version. Requests
 * still send only known roles.
 */
export const OpenRole = openEnum<Role>();
export type OpenRole = z.infer<typeof OpenRole>;

/** A member's status in a response: a known `MemberStatus`, or one added after this version. */
export const OpenMemberStatus = openEnum<MemberStatus>();
export type OpenMemberStatus = z.infer<typeof OpenMemberStatus>;

/**
 * The kinds of credential a member's tools activate with: the legacy API key, the current auth
 * token, or the previous auth token during its grace period after a rotation.
 */
export const USED_CREDENTIAL_KINDS = ['api-key', 'auth-token', 'previous-auth-token'] as const;
export type UsedCredentialKind = (typeof USED_CREDENTIAL_KINDS)[number];

/** A used credential's kind in a response: a known `UsedCredentialKind`, or a later one. */
export const OpenUsedCredentialKind = openEnum<UsedCredentialKind>();
export type OpenUsedCredentialKind = z.infer<typeof OpenUsedCredentialKind>;

/** Tells whether a role from a response is one of the `ROLES` that this version handles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Tells whether a member status from a response is one of the `MEMBER_STATUSES`. */
export function isMemberStatus(value: string): value is MemberStatus {
  return (MEMBER_STATUSES as readonly string[]).includes(value);
}

/** Tells whether a used credential's kind is one of the `USED_CREDENTIAL_KINDS`. */
export function isUsedCredentialKind(value: string): value is UsedCredentialKind {
  return (USED_CREDENTIAL_KINDS as readonly string[]).includes(value);
}

/** A deprecated personal API key. The secret itself is never returned, only its masked hint. */
export const LegacyKey = z.object({
  hint: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
});
export type LegacyKey = z.infer<typeof LegacyKey>;

/**
 * The member's per-user auth token as others see it: a masked hint, its last use, and the
 * token it replaced while that one's grace period runs.
 */
export const AuthTokenSummary = z.object({
  hint: z.string(),
  lastUsedAt: z.nullable(Timestamp),
  previous: z.nullable(PreviousAuthToken),
});
export type AuthTokenSummary = z.infer<typeof AuthTokenSummary>;

/**
 * The credential that the member's tools last activated a license with: its kind, its masked
 * hint and when. An activation with an auth token is recorded on the membership it matched.
 */
export const CredentialUse = z.object({
  credential: OpenUsedCredentialKind,
  hint: z.string(),
  usedAt: Timestamp,
});
export type CredentialUse = z.infer<typeof CredentialUse>;

/** The state of a pending invitation; present only while the member's status is `invited`. */
export const InvitationState = z.object({
  sentAt: Timestamp,
  expiresAt: Timestamp,
});
export type InvitationState = z.infer<typeof InvitationState>;

/** A person who belongs to the workspace or has been invited to it. */
export const Member = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  status: OpenMemberStatus,
  role: OpenRole,
  permissions: z.array(z.string()),
  licenseId: z.nullable(Id),
  legacyKey: z.nullable(LegacyKey),
  authToken: z.nullable(AuthTokenSummary),
  lastCredentialUse: z.nullable(CredentialUse),
  invitedAt: z.nullable(Timestamp),
  joinedAt: z.nullable(Timestamp),
  invitation: z.nullable(InvitationState),
  version: z.int().check(z.minimum(1)),
});
export type Member = z.infer<typeof Member>;

/** One page of a member list. `total` counts every member that matches the filters. */
export const MembersPage = z.object({
  items: z.array(Member),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.minimum(0)),
});
export type MembersPage = z.infer<typeof MembersPage>;
