import * as z from 'zod/mini';

import { Id } from './common.js';
import { Role } from './member.js';

/** The workspace and the signed-in member looking at it. */
export const WorkspaceInfo = z.object({
  workspace: z.object({
    id: Id,
    name: z.string(),
    plan: z.string(),
  }),
  viewer: z.object({
    memberId: Id,
    role: Role,
    permissions: z.array(z.string()),
  }),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
