import { brand, hasBrand } from './brand.js';
import { LsAdminError } from './ls-admin-error.js';

/**
 * A request that failed before a complete response arrived: connection refused or reset,
 * DNS failure, CORS rejection, or a `fetch` option that threw. `cause` is the original error.
 */
export class NetworkError extends LsAdminError {
  override name = 'NetworkError';
  readonly method: string;
  readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    super(
      `${method} ${url} failed before a response arrived: ${describeCause(cause)}. ` +
        'Check that the server is running and reachable from this page or process.',
      { cause },
    );
    brand(this, 'NetworkError');
    this.method = method;
    this.url = url;
  }
}

/** Tells whether a value is a `NetworkError`, also one from another realm. */
export function isNetworkError(value: unknown): value is NetworkError {
  return hasBrand(value, 'NetworkError');
}

/**
 * Describes the failure. Node's fetch (undici) throws `TypeError: fetch failed` and puts the
 * system error, such as `ECONNREFUSED`, in its `cause`, so that code is added when present.
 */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);

  const inner: unknown = cause.cause;
  const code =
    typeof inner === 'object' && inner !== null && 'code' in inner ? String(inner.code) : '';
  return code === '' ? cause.message : `${cause.message} (${code})`;
}
