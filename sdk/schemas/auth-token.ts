import * as z from 'zod/mini';

import { Timestamp } from './common.js';

/** The maximum grace period of a rotation: 7 days, in seconds. */
export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 60 * 60;

/**
 * The auth token that a rotation replaced while it still works: its masked hint, the end of
 * its grace period and its last use.
 */
export const PreviousAuthToken = z.object({
  hint: z.string(),
  expiresAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
});
export type PreviousAuthToken = z.infer<typeof PreviousAuthToken>;

/**
 * The fields of a masked auth token. Both schemas spread it rather than calling `z.extend`,
 * which brings 0.4 kB of zod's object utilities into the gzipped browser bundle.
 */
const maskedTokenShape = {
  hint: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
  /** The replaced token during its grace period, or `null`. */
  previous: z.nullable(PreviousAuthToken),
};

/** The caller's own auth token, masked. */
export const AuthToken = z.object(maskedTokenShape);
export type AuthToken = z.infer<typeof AuthToken>;

/**
 * The body of `POST /me/auth-token/rotate`. `gracePeriodSeconds` is how long the replaced token
 * keeps working; without it, or with 0, it stops working at once.
 */
export const RotateAuthTokenRequest = z.object({
  gracePeriodSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_GRACE_PERIOD_SECONDS))),
});
export type RotateAuthTokenRequest = z.infer<typeof RotateAuthTokenRequest>;

/**
 * The response to a rotation: the only time the full token value is returned.
 * `revokedTokenHints` lists the masked hints of the tokens that stopped working with this
 * rotation: the replaced token when the grace period is 0, and an earlier previous token
 * whose grace period was still running, because only one previous token is kept.
 */
export const RotatedAuthToken = z.object({
  ...maskedTokenShape,
  token: z.string(),
  revokedTokenHints: z.array(z.string()),
});
export type RotatedAuthToken = z.infer<typeof RotatedAuthToken>;
