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

/**
 * Reads a request's JSON body. Throws `415 unsupported_media_type` for a Content-Type other
 * than JSON, `413 payload_too_large` past `MAX_BODY_BYTES`, and `400 validation_failed` when
 * the body is not JSON. A request without Content-Type is read as JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get('Content-Type');
  if (contentType !== null && !isJsonMediaType(contentType)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `The request body has Content-Type ${contentType}. Send JSON with ` +
        'Content-Type: application/json.',
    );
  }

  const text = await readLimitedText(request);
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

/** Tells whether a Content-Type is `application/json` or a `+json` type, parameters aside. */
function isJsonMediaType(contentType: string): boolean {
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[^/]+\+json$/.test(mediaType);
}

/** Reads the body as UTF-8 text and stops reading once it passes `MAX_BODY_BYTES`. */
async function readLimitedText(request: Request): Promise<string> {
  const tooLarge = () =>
    new ApiError(
      413,
      'payload_too_large',
      `The request body is larger than ${MAX_BODY_BYTES} bytes. Send only the documented fields.`,
    );
  const declaredLength = Number(request.headers.get('Content-Length') ?? '0');
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge();
  if (request.body === null) return '';

  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
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
