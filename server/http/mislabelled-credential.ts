import type { CredentialType } from '../../sdk/schemas/activation.js';
import { ApiError } from '../service/api-error.js';

/** The prefix of each credential type's values, as the server creates them. */
const PREFIXES: Record<CredentialType, string> = {
  'auth-token': 'lsat_',
  'api-key': 'lsk_',
};

/**
 * Returns the type that a credential's prefix belongs to when the request named the other
 * type, such as an `lsat_…` auth token sent as `type: "api-key"`, or `undefined`.
 */
export function mislabelledType(type: CredentialType, token: string): CredentialType | undefined {
  const other: CredentialType = type === 'auth-token' ? 'api-key' : 'auth-token';
  return token.startsWith(PREFIXES[other]) ? other : undefined;
}

/** Adds to a refused activation that the credential's prefix names the other type. */
export function withTypeHint(error: ApiError, type: CredentialType, expected: CredentialType) {
  return new ApiError(
    error.status,
    error.code,
    `${error.detail} The value starts with ${PREFIXES[expected]}, which is an ` +
      `${expected === 'auth-token' ? 'auth token' : 'legacy API key'}: send it with ` +
      `"type": "${expected}" instead of "${type}".`,
    error.errors,
  );
}
