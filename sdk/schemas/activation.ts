import * as z from 'zod/mini';

import { Id } from './common.js';

export const CREDENTIAL_TYPES = ['auth-token', 'api-key'] as const;
export const CredentialType = z.enum(CREDENTIAL_TYPES);
export type CredentialType = z.infer<typeof CredentialType>;

/** The body of `POST /license/activate`, sent by a command-line tool on start. */
export const ActivationRequest = z.object({
  credentials: z.object({
    type: CredentialType,
    token: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
});
export type ActivationRequest = z.infer<typeof ActivationRequest>;

/** A successful activation: the license the credential's owner holds. */
export const Activation = z.object({
  workspaceId: Id,
  memberId: Id,
  licenseId: Id,
  plan: z.string(),
  credential: CredentialType,
});
export type Activation = z.infer<typeof Activation>;
