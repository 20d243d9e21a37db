import * as z from 'zod/mini';

/** One fine-grained capability that an admin can grant on top of a role. */
export const Permission = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
});
export type Permission = z.infer<typeof Permission>;

/** The advanced-permission catalog and whether the workspace's plan offers it. */
export const PermissionCatalog = z.object({
  available: z.boolean(),
  plan: z.string(),
  permissions: z.array(Permission),
});
export type PermissionCatalog = z.infer<typeof PermissionCatalog>;
