import { brand, hasBrand } from './brand.js';
import { HttpError, type HttpErrorDetails } from './http-error.js';

/**
 * A `401` response: the session token is missing, unknown or expired, and the token provider,
 * when there is one, was asked for a new token once and that one was rejected too. Sign the
 * user in again before retrying. From `activateLicense`, it means that the credential in the
 * request body was rejected.
 */
export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';

  constructor(details: HttpErrorDetails) {
    super(details);
    brand(this, 'UnauthorizedError');
  }
}

/** Tells whether a value is an `UnauthorizedError`, also one from another realm. */
export function isUnauthorizedError(value: unknown): value is UnauthorizedError {
  return hasBrand(value, 'UnauthorizedError');
}
