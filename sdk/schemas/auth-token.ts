import * as z from 'zod/mini';

import { Timestamp } from './common.js';

/** The caller's own auth token, masked. */
export const AuthToken = z.object({
  hint: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
});
export type AuthToken = z.infer<typeof AuthToken>;

/** The response to a rotation: the only time the full token value is returned. */
export const RotatedAuthToken = z.extend(AuthToken, {
  token: z.string(),
});
export type RotatedAuthToken = z.infer<typeof RotatedAuthToken>;
