import { brand, hasBrand } from './brand.js';
import { LsAdminError } from './ls-admin-error.js';

/** A request that got no response within the client's `timeout`. */
export class TimeoutError extends LsAdminError {
  override name = 'TimeoutError';
  readonly method: string;
  readonly url: string;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(method: string, url: string, timeout: number) {
    super(
      `${method} ${url} timed out after ${timeout} ms. ` +
        'Check that the server is responding, or pass a larger `timeout` option.',
    );
    brand(this, 'TimeoutError');
    this.method = method;
    this.url = url;
    this.timeout = timeout;
  }
}

/** Tells whether a value is a `TimeoutError`, also one from another realm. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return hasBrand(value, 'TimeoutError');
}
