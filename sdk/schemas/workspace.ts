import * as z from 'zod/mini';

import { Id } from './common.js';
import { OpenRole } from './member.js';

/** The workspace and the signed-in member looking at it. */
export const WorkspaceInfo = z.object({
  workspace: z.object({
    id: Id,
    name: z.string(),
    plan: z.string(),
  }),
  viewer: z.object({
    memberId: Id,
    role: OpenRole,
    permissions: z.array(z.string()),
  }),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
