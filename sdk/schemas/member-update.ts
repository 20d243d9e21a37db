import * as z from 'zod/mini';

import { Role } from './member.js';

/** The body of `PATCH /workspaces/{ws}/members/{id}`: a new role, new permissions, or both. */
export const MemberUpdate = z
  .object({
    role: z.optional(Role),
    permissions: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100)))),
  })
  .check(
    z.refine((update) => update.role !== undefined || update.permissions !== undefined, {
      message: 'Send a role, permissions, or both.',
    }),
  );
export type MemberUpdate = z.infer<typeof MemberUpdate>;
