import { buildProblem, problemResponse } from '../http/problem-response.js';

/** Failures and delays that the in-browser API adds in front of the real server code. */
export interface FaultSettings {
  /** Milliseconds to wait before each request is handled. */
  delayMs: number;
  /** How many of the next matching requests fail; each failure decrements it. */
  failNext: number;
  /** Only requests whose path contains this text count as matching. Default: every request. */
  failPath?: string;
  /** Only requests with this method count as matching. Default: any method. */
  failMethod?: string;
  /** `server` responds 500 with a problem body; `network` rejects as a lost connection does. */
  failAs: 'server' | 'network';
}

/** The fetch signature that the SDK's `fetch` option takes. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * Wraps `handle` so that each request first waits `settings.delayMs` and then, while
 * `settings.failNext` is above zero and the request matches, fails instead of reaching the
 * server. The settings are read per request, so a caller can change them at any time.
 */
export function withFaults(
  handle: (request: Request) => Promise<Response>,
  settings: FaultSettings,
): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init);
    if (settings.delayMs > 0) await sleep(settings.delayMs, request.signal);

    if (settings.failNext > 0 && matches(request, settings)) {
      settings.failNext -= 1;
      const url = new URL(request.url);
      if (settings.failAs === 'network') {
        throw new TypeError(`Failed to fetch ${request.method} ${url.pathname} (injected).`);
      }
      return problemResponse(
        buildProblem(
          500,
          'internal_error',
          `The server failed to handle ${request.method} ${url.pathname}. ` +
            'This failure was injected by the story.',
        ),
      );
    }
    return handle(request);
  };
}

function matches(request: Request, settings: FaultSettings): boolean {
  const path = new URL(request.url).pathname;
  if (settings.failPath !== undefined && !path.includes(settings.failPath)) return false;
  if (settings.failMethod !== undefined && settings.failMethod !== request.method) return false;
  return true;
}

/** Waits `ms` milliseconds, or rejects with the signal's reason when the request is aborted. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
