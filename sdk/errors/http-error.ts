import type { FieldError, Problem, ProblemCode } from '../schemas/problem.js';
import { brand, hasBrand } from './brand.js';
import { LsAdminError } from './ls-admin-error.js';

/** The details the transport read from a response with a status outside 2xx. */
export interface HttpErrorDetails {
  method: string;
  url: string;
  status: number;
  statusText: string;
  /** The problem+json body, or `null` when the body was missing or not a problem. */
  problem: Problem | null;
}

/** A response with a status outside 2xx, such as `409 no_seats_available`. */
export class HttpError extends LsAdminError {
  override name = 'HttpError';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** The problem's stable `code`, or `null` when the body was not a problem. */
  readonly code: ProblemCode | (string & {}) | null;
  readonly problem: Problem | null;
  /** The fields that failed validation with `validation_failed`; empty otherwise. */
  readonly errors: readonly FieldError[];

  constructor(details: HttpErrorDetails) {
    super(formatMessage(details));
    brand(this, 'HttpError');
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.problem = details.problem;
    this.code = details.problem?.code ?? null;
    this.errors = details.problem?.errors ?? [];
  }
}

/** Tells whether a value is an `HttpError`, also one from another realm. */
export function isHttpError(value: unknown): value is HttpError {
  return hasBrand(value, 'HttpError');
}

function formatMessage({ method, url, status, statusText, problem }: HttpErrorDetails): string {
  const request = `${method} ${url} failed with ${status}`;
  if (problem === null) return `${request} ${statusText}`.trimEnd() + '.';

  const fields = (problem.errors ?? []).map((error) => `${error.path}: ${error.message}`);
  const fieldList = fields.length > 0 ? ` (${fields.join('; ')})` : '';
  return `${request} ${problem.code}: ${problem.detail}${fieldList}`;
}
