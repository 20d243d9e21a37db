import { isHttpError, isLsAdminError } from '../../sdk/errors/index.js';

/**
 * Turns a failed request into a sentence for the person using the page: the server's
 * problem detail when there is one, otherwise the error's own message.
 */
export function describeError(error: unknown): string {
  if (isHttpError(error) && error.problem !== null) return error.problem.detail;
  if (isLsAdminError(error) || error instanceof Error) return error.message;
  return String(error);
}
