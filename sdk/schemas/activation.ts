import * as z from 'zod/mini';

import { Id, Timestamp } from './common.js';

export const CREDENTIAL_TYPES = ['auth-token', 'api-key'] as const;
export const CredentialType = z.enum(CREDENTIAL_TYPES);
export type CredentialType = z.infer<typeof CredentialType>;

/** The generation of the auth token an activation used: the current one or the replaced one. */
export const AUTH_TOKEN_GENERATIONS = ['current', 'previous'] as const;
export const AuthTokenGeneration = z.enum(AUTH_TOKEN_GENERATIONS);
export type AuthTokenGeneration = z.infer<typeof AuthTokenGeneration>;

/** The body of `POST /license/activate`, sent by a command-line tool on start. */
export const ActivationRequest = z.object({
  credentials: z.object({
    type: CredentialType,
    token: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
});
export type ActivationRequest = z.infer<typeof ActivationRequest>;

/**
 * A successful activation: the license the credential's owner holds. For an auth token,
 * `token` tells whether it was the current token or the previous one during its grace
 * period, and `previousTokenExpiresAt` when that previous token stops working, so that a
 * tool can warn its user to copy the current token. Both are `null` for a legacy API key.
 */
export const Activation = z.object({
  workspaceId: Id,
  memberId: Id,
  licenseId: Id,
  plan: z.string(),
  credential: CredentialType,
  token: z.nullable(AuthTokenGeneration),
  previousTokenExpiresAt: z.nullable(Timestamp),
});
export type Activation = z.infer<typeof Activation>;
