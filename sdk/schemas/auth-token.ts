import * as z from 'zod/mini';

import { Timestamp } from './common.js';

/**
 * The fields of a masked auth token. Both schemas spread it rather than calling `z.extend`,
 * which brings 0.4 kB of zod's object utilities into the gzipped browser bundle.
 */
const maskedTokenShape = {
  hint: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
};

/** The caller's own auth token, masked. */
export const AuthToken = z.object(maskedTokenShape);
export type AuthToken = z.infer<typeof AuthToken>;

/** The response to a rotation: the only time the full token value is returned. */
export const RotatedAuthToken = z.object({
  ...maskedTokenShape,
  token: z.string(),
});
export type RotatedAuthToken = z.infer<typeof RotatedAuthToken>;
