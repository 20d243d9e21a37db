import * as z from 'zod/mini';

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

/** Tells whether a role from a response is one of the `ROLES` that this version handles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Tells whether a member status from a response is one of the `MEMBER_STATUSES`. */
export function isMemberStatus(value: string): value is MemberStatus {
  return (MEMBER_STATUSES as readonly string[]).includes(value);
}

/** A deprecated personal API key. The secret itself is never returned, only its masked hint. */
export const LegacyKey = z.object({
  hint: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
});
export type LegacyKey = z.infer<typeof LegacyKey>;

/** The member's per-user auth token as others see it: a masked hint and its last use. */
export const AuthTokenSummary = z.object({
  hint: z.string(),
  lastUsedAt: z.nullable(Timestamp),
});
export type AuthTokenSummary = z.infer<typeof AuthTokenSummary>;

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
