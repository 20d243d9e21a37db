import type { FieldError, ProblemCode } from '../../sdk/schemas/problem.js';

/**
 * A failure the API reports to the caller as a problem response. The service layer throws
 * it; the HTTP layer turns it into `application/problem+json` with the same status and code.
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

/** Builds the `400 validation_failed` error for one field. */
export function invalidField(path: string, message: string): ApiError {
  return new ApiError(400, 'validation_failed', `The request is invalid: ${path}: ${message}`, [
    { path, message },
  ]);
}
