import * as z from 'zod/mini';

import type { FieldError } from '../../sdk/schemas/problem.js';
import { ApiError } from '../service/api-error.js';
import { issueMessage } from './issue-messages.js';

/** The largest JSON body the API reads. Every request body of the API is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Validates a value with a contract schema, or throws `400 validation_failed` with each issue. */
export function validate<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const result = z.safeParse(schema, value, { error: issueMessage });
  if (result.success) return result.data;

  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = errors
    .map((error) => (error.path ? `${error.path}: ${error.message}` : error.message))
    .join('; ');
  throw new ApiError(400, 'validation_failed', `The ${what} is invalid: ${summary}`, errors);
}

/** Reads a request's JSON body, or throws `400 validation_failed` when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
    throw new ApiError(
      400,
      'validation_failed',
      `The request body is larger than ${MAX_BODY_BYTES} bytes. Send only the documented fields.`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(
      400,
      'validation_failed',
      'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.',
      [{ path: '', message: 'Send a JSON object.' }],
    );
  }
}

/** Serializes JSON with object keys sorted, so equal bodies give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
