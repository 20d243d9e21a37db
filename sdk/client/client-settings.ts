import type { TokenProvider, WorkspaceClientOptions } from './workspace-client.js';

/** The default limit of `timeout`, in milliseconds, the same as ky's. */
export const DEFAULT_TIMEOUT = 10_000;
/** The default number of retries, the same as ky's. */
export const DEFAULT_RETRY = 2;
/** The largest delay that `setTimeout` accepts, in milliseconds (2^31 - 1). */
const MAX_TIMEOUT = 2_147_483_647;

/** The options of a client after they have been checked and defaults applied. */
export interface ClientSettings {
  /** The URL that API paths such as `workspaces/ws_demo` resolve against; ends in `/v1/`. */
  apiRoot: URL;
  baseUrl: URL;
  workspaceId: string;
  token: string | null;
  getToken: TokenProvider | null;
  fetch: typeof globalThis.fetch | undefined;
  timeout: number | false;
  retry: number;
}

/**
 * Checks the options of `createWorkspaceClient` and applies the defaults, so that a mistake
 * fails at once with the option's name instead of on the first request.
 */
export function resolveClientSettings(options: WorkspaceClientOptions): ClientSettings {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'createWorkspaceClient needs an options object, such as ' +
        "{ baseUrl: 'https://admin.example.com', workspaceId: 'ws_demo', token: '…' }.",
    );
  }

  const baseUrl = resolveBaseUrl(options.baseUrl);
  checkNonEmptyString(options.workspaceId, 'workspaceId', "such as 'ws_demo'");
  checkCredentials(options);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(
      `The \`fetch\` option must be a function with the signature of fetch, ` +
        `but it is ${describe(options.fetch)}. Omit it to use the global fetch.`,
    );
  }

  return {
    apiRoot: new URL('v1/', baseUrl),
    baseUrl,
    workspaceId: options.workspaceId,
    token: options.token ?? null,
    getToken: options.getToken ?? null,
    fetch: options.fetch,
    timeout: checkTimeout(options.timeout),
    retry: checkRetry(options.retry),
  };
}

/** Throws a `TypeError` naming `name` unless `value` is a non-empty string. */
export function checkNonEmptyString(value: unknown, name: string, example: string): void {
  if (typeof value === 'string' && value !== '') return;
  throw new TypeError(
    `\`${name}\` must be a non-empty string, ${example}, but it is ${describe(value)}.`,
  );
}

function resolveBaseUrl(value: unknown): URL {
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new TypeError(
      `The \`baseUrl\` option must be a string or URL, such as 'https://admin.example.com', ` +
        `but it is ${describe(value)}.`,
    );
  }

  const url = parseAgainstPage(String(value));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(
      `The \`baseUrl\` option must be an http or https URL, but it is '${String(value)}'. ` +
        "Include the scheme, such as 'http://localhost:8787'.",
    );
  }

  if (/\/v1\/?$/.test(url.pathname)) {
    throw new TypeError(
      `The \`baseUrl\` option '${String(value)}' ends in /v1, but the client adds /v1 itself. ` +
        'Pass the address without it, such as the origin of the server.',
    );
  }

  // A base without a trailing slash would lose its last path segment when `v1/` is resolved
  // against it, so `https://example.com/admin` becomes `https://example.com/admin/`.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * Parses an absolute URL, or resolves a relative one such as `/` against the page's address
 * in a browser. Outside a browser there is no page to resolve against.
 */
function parseAgainstPage(value: string): URL {
  const page = (globalThis as { location?: { href?: unknown } }).location?.href;
  const pageUrl = typeof page === 'string' ? page : undefined;
  try {
    return new URL(value, pageUrl);
  } catch {
    const hint =
      pageUrl === undefined
        ? "Outside a browser, pass an absolute URL such as 'http://127.0.0.1:8787'."
        : "Pass an absolute URL or a path such as '/'.";
    throw new TypeError(`The \`baseUrl\` option '${value}' is not a valid URL. ${hint}`);
  }
}

function checkCredentials({ token, getToken }: WorkspaceClientOptions): void {
  if (token !== undefined && getToken !== undefined) {
    throw new TypeError(
      'Pass either the `token` option or the `getToken` option, not both. ' +
        'Use `getToken` when the session token can change.',
    );
  }
  if (token === undefined && getToken === undefined) {
    throw new TypeError(
      'Pass the `token` option (the session token as a string) or the `getToken` option ' +
        '(a function that returns it).',
    );
  }
  if (token !== undefined) {
    checkNonEmptyString(token, 'token', 'the session token');
  }
  if (getToken !== undefined && typeof getToken !== 'function') {
    throw new TypeError(
      `The \`getToken\` option must be a function that returns the session token, ` +
        `but it is ${describe(getToken)}.`,
    );
  }
}

function checkTimeout(value: unknown): number | false {
  if (value === undefined) return DEFAULT_TIMEOUT;
  if (value === false) return false;
  if (typeof value !== 'number') {
    throw new TypeError(
      `The \`timeout\` option must be a number of milliseconds or false, ` +
        `but it is ${describe(value)}.`,
    );
  }
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT) {
    throw new RangeError(
      `The \`timeout\` option must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT}, ` +
        `but it is ${value}. Pass false for no timeout.`,
    );
  }
  return value;
}

function checkRetry(value: unknown): number {
  if (value === undefined) return DEFAULT_RETRY;
  if (typeof value !== 'number') {
    throw new TypeError(
      `The \`retry\` option must be a number of retries, but it is ${describe(value)}.`,
    );
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `The \`retry\` option must be a whole number of retries, 0 or more, but it is ${value}.`,
    );
  }
  return value;
}

/** Describes a rejected value for an error message without dumping whole objects. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `'${value}'`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}
