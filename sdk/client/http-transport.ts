import ky, { isHTTPError, isTimeoutError, type KyInstance, type RetryOptions } from 'ky';
import type { ZodMiniType } from 'zod/mini';

import { HttpError } from '../errors/http-error.js';
import { InvalidJsonError } from '../errors/invalid-json-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { isUnauthorizedError, UnauthorizedError } from '../errors/unauthorized-error.js';
import { Problem } from '../schemas/problem.js';
import type { ClientSettings } from './client-settings.js';
import { SessionTokens } from './session-tokens.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call of the API, described independently of ky. */
export interface ApiRequest {
  method: HttpMethod;
  /** A path under `/v1` without a leading slash, its segments already encoded. */
  path: string;
  searchParams?: URLSearchParams;
  json?: unknown;
  headers?: Record<string, string>;
  /**
   * Marks a POST that carries an `Idempotency-Key`, so that a repeat replays the first
   * response instead of acting twice and ky may retry it like a GET.
   */
  idempotent?: boolean;
  /** `false` for calls that authenticate through their body, where a 401 is final. */
  authenticated?: boolean;
  /** Aborts the request, and the reading of a streamed body. */
  signal?: AbortSignal;
}

/** A successful response whose body schema names the contract type it should match. */
export interface ExpectedBody<T> {
  schema: ZodMiniType<T>;
  name: string;
}

/** The methods that ky retries by default, because repeating them does not act twice. */
const IDEMPOTENT_METHODS = ['get', 'put', 'head', 'delete', 'options', 'trace'];

/**
 * Sends API requests through ky and turns every failure into an `LsAdminError`: statuses
 * outside 2xx, timeouts, network failures and bodies that do not match the contract.
 */
export class HttpTransport {
  readonly #settings: ClientSettings;
  readonly #tokens: SessionTokens;
  readonly #ky: KyInstance;

  constructor(settings: ClientSettings) {
    this.#settings = settings;
    this.#tokens = new SessionTokens(settings.token, settings.getToken);
    // The URL is built here rather than with ky's `prefixUrl` because the errors name the
    // full URL, including those thrown before ky has created a request.
    this.#ky = ky.create({
      timeout: settings.timeout,
      // ky binds the global fetch when the option is missing, so `undefined` keeps that.
      ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
      headers: { accept: 'application/json' },
    });
  }

  /** Sends a request and returns its body, checked against `expected`. */
  async send<T>(request: ApiRequest, expected: ExpectedBody<T>): Promise<T> {
    const { response, url } = await this.#sendAuthenticated(request);
    const json = await this.#readJson(request.method, url, response);
    const result = expected.schema.safeParse(json);
    if (result.success) return result.data;

    throw new ResponseValidationError({
      method: request.method,
      url,
      status: response.status,
      expected: expected.name,
      issues: result.error.issues,
    });
  }

  /**
   * Sends a request and returns the successful response with its body unread, such as an
   * event stream, and the URL it was sent to.
   */
  async open(request: ApiRequest): Promise<{ response: Response; url: string }> {
    return this.#sendAuthenticated(request);
  }

  /** Sends a request whose successful response has no body, such as a 204. */
  async sendWithoutBody(request: ApiRequest): Promise<void> {
    const { response } = await this.#sendAuthenticated(request);
    await response.body?.cancel();
  }

  /**
   * Sends the request with the current token. After a 401 it calls the token provider once
   * more and replays the request once. A second 401 is thrown as `UnauthorizedError`, so a
   * rejected token never loops.
   */
  async #sendAuthenticated(request: ApiRequest): Promise<{ response: Response; url: string }> {
    const url = this.#urlOf(request);
    if (request.authenticated === false) return { response: await this.#send(request, url), url };

    const token = await this.#tokens.current();
    try {
      return { response: await this.#send(request, url, token.value), url };
    } catch (error) {
      if (!isUnauthorizedError(error)) throw error;

      const fresh = await this.#tokens.refresh(token);
      if (fresh === null) throw error;
      return { response: await this.#send(request, url, fresh), url };
    }
  }

  async #send(request: ApiRequest, url: string, token?: string): Promise<Response> {
    const headers = new Headers(request.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);

    try {
      return await this.#ky(url, {
        method: request.method,
        headers,
        json: request.json,
        retry: this.#retryOptions(request),
        signal: request.signal,
      });
    } catch (error) {
      throw await this.#toLsAdminError(request.method, url, error);
    }
  }

  // NOTE: a DELETE whose 204 is lost to a network error is retried like ky does by default,
  // and the retry gets 404 not_found although the first request removed the member.
  #retryOptions(request: ApiRequest): RetryOptions {
    const methods = request.idempotent ? [...IDEMPOTENT_METHODS, 'post'] : IDEMPOTENT_METHODS;
    return { limit: this.#settings.retry, methods };
  }

  async #toLsAdminError(method: HttpMethod, url: string, error: unknown): Promise<Error> {
    if (isHTTPError(error)) {
      const { response } = error;
      const details = {
        method,
        url,
        status: response.status,
        statusText: response.statusText,
        problem: await readProblem(response),
      };
      return response.status === 401 ? new UnauthorizedError(details) : new HttpError(details);
    }
    if (isTimeoutError(error)) {
      return new TimeoutError(method, url, this.#settings.timeout || 0);
    }
    return new NetworkError(method, url, error);
  }

  async #readJson(method: HttpMethod, url: string, response: Response): Promise<unknown> {
    // NOTE: ky's timeout ends when the headers arrive, so a body that stalls after them
    // is not covered by the `timeout` option and waits for the connection to fail.
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new NetworkError(method, url, error);
    }

    try {
      return JSON.parse(text);
    } catch {
      throw new InvalidJsonError(method, url, response.status, text);
    }
  }

  #urlOf(request: ApiRequest): string {
    const url = new URL(request.path, this.#settings.apiRoot);
    if (request.searchParams !== undefined) url.search = request.searchParams.toString();
    return url.href;
  }
}

/** Reads a problem+json body, or returns `null` when the body is missing or another shape. */
async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const result = Problem.safeParse(JSON.parse(await response.text()));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
