import {
  isHttpError,
  isInvalidJsonError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
} from '../../sdk/errors/index.js';

import { msg, str } from '@lit/localize';

/**
 * Turns a failed request into a plain sentence for the person using the page. The sentence
 * leaves out request internals (method, URL, schema paths), which stay on the error itself and
 * reach hosts through `LsErrorEvent`.
 */
export function describeError(error: unknown): string {
  if (isNetworkError(error)) {
    return msg('Could not reach the server. Check your connection and try again.');
  }
  if (isTimeoutError(error)) return msg('The server took too long to respond. Try again.');
  if (isResponseValidationError(error) || isInvalidJsonError(error)) {
    return msg(
      'The server sent a response this page cannot read. Try again, or contact your administrator if it keeps happening.',
    );
  }
  if (isHttpError(error)) {
    // The server's own sentence stays as it was sent, in the server's language.
    if (error.problem !== null && error.problem.detail !== '') return error.problem.detail;
    const status = error.status;
    return msg(str`The server could not complete the request (status ${status}).`);
  }
  return msg('Something went wrong. Try again.');
}
