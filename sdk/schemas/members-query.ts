import * as z from 'zod/mini';

import { MemberStatus, Role } from './member.js';

export const MEMBER_SORT_KEYS = ['name', 'email', 'invitedAt', 'role'] as const;
export type MemberSortKey = (typeof MEMBER_SORT_KEYS)[number];

/** A sort key, descending when it starts with `-`. */
export const MemberSort = z.enum([
  'name',
  '-name',
  'email',
  '-email',
  'invitedAt',
  '-invitedAt',
  'role',
  '-role',
]);
export type MemberSort = z.infer<typeof MemberSort>;

/** The maximum length of the `query` search text, in characters. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The query string of `GET /workspaces/{ws}/members`. Every value arrives as a string,
 * so `limit` is coerced to an integer.
 */
export const MembersQuery = z.object({
  /** Case-insensitive text that the name or the email contains. */
  query: z.optional(z.string().check(z.maxLength(MAX_QUERY_LENGTH))),
  role: z.optional(Role),
  status: z.optional(MemberStatus),
  /** A license pool id, `none` for members without a license, or `any` for those with one. */
  license: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** `true` lists only members who still have a legacy API key. */
  legacyKey: z.optional(z.enum(['true', 'false'])),
  sort: z.optional(MemberSort),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
});
export type MembersQuery = z.input<typeof MembersQuery>;
