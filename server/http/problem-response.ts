import type { FieldError, Problem } from '../../sdk/schemas/problem.js';
import type { ApiError } from '../service/api-error.js';
import { RateLimitedError } from './credential-attempts.js';

/** The base of each problem's `type` URI; the code is appended. */
export const PROBLEM_TYPE_BASE = 'https://ls-admin.dev/problems/';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** Builds an RFC 9457 problem body. */
export function buildProblem(
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): Problem {
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
  if (errors !== undefined) problem.errors = errors;
  return problem;
}

/** Returns a problem as an `application/problem+json` response. */
export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(problem), {
    status: problem.status,
    headers,
  });
  response.headers.set('Content-Type', 'application/problem+json');
  return response;
}

/** Converts a service error into its problem response. */
export function apiErrorResponse(error: ApiError): Response {
  const headers = new Headers();
  if (error.status === 401) headers.set('WWW-Authenticate', 'Bearer');
  if (error instanceof RateLimitedError) {
    headers.set('Retry-After', String(error.retryAfterSeconds));
  }
  return problemResponse(
    buildProblem(error.status, error.code, error.detail, error.errors),
    headers,
  );
}
