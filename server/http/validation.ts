import * as z from 'zod/mini';

import type { FieldError } from '../../sdk/schemas/problem.js';
import { ApiError } from '../service/api-error.js';
import { issueMessage } from './issue-messages.js';
import { findUnknownFields } from './unknown-fields.js';

/** The largest JSON body the API reads. Every request body of the API is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The deepest nesting of arrays and objects a JSON body may have. The API's bodies use 2. */
export const MAX_JSON_DEPTH = 32;

/** Validates a value with a contract schema, or throws `400 validation_failed` with each issue. */
export function validate<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  return parseOrThrow(schema, value, what, []);
}

/**
 * Validates a request body like `validate`, and also rejects fields that the schema does not
 * declare, so that a misspelt field is reported rather than ignored.
 */
export function validateBody<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  return parseOrThrow(schema, value, what, findUnknownFields(schema, value));
}

function parseOrThrow<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  what: string,
  unknownFields: FieldError[],
): z.output<Schema> {
  const result = z.safeParse(schema, value, { error: issueMessage });
  if (result.success && unknownFields.length === 0) return result.data;

  const issues: FieldError[] = (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const errors = [...issues, ...unknownFields];
  const summary = errors
    .map((error) => (error.path ? `${error.path}: ${error.message}` : error.message))
    .join('; ');
  throw new ApiError(400, 'validation_failed', `The ${what} is invalid: ${summary}`, errors);
}

/**
 * Reads a request's JSON body. Throws `415 unsupported_media_type` for a Content-Type other
 * than JSON, `413 payload_too_large` past `MAX_BODY_BYTES`, and `400 validation_failed` when
 * the body is not JSON, nests deeper than `MAX_JSON_DEPTH` or contains a lone UTF-16
 * surrogate. A request without Content-Type is read as JSON. With `optional`, an empty body
 * returns `undefined`, for routes whose body may be left out.
 */
export async function readJsonBody(
  request: Request,
  { optional = false }: { optional?: boolean } = {},
): Promise<unknown> {
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
  if (optional && text === '') return undefined;
  checkJsonDepth(text);
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(
      400,
      'validation_failed',
      'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.',
      [{ path: '', message: 'Send a JSON object.' }],
    );
  }
  checkWellFormedText(body);
  return body;
}

/**
 * Throws `400 validation_failed` when JSON text nests arrays and objects deeper than
 * `MAX_JSON_DEPTH`. It scans the text without parsing it, because code that walks a parsed
 * value recursively, such as `canonicalJson`, overflows the stack on deep nesting.
 */
function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        throw new ApiError(
          400,
          'validation_failed',
          `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep. ` +
            `Send at most ${MAX_JSON_DEPTH} levels. No documented body nests more than 2.`,
          [{ path: '', message: `Use at most ${MAX_JSON_DEPTH} levels of nesting.` }],
        );
      }
    } else if (char === ']' || char === '}') {
      depth--;
    }
  }
}

/** A UTF-16 surrogate that is not part of a pair. In a `u` regex, a valid pair is one character. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Throws `400 validation_failed` when a string or key of a parsed body contains a lone UTF-16
 * surrogate, such as the escape `\ud800`. SQLite stores text as UTF-8, which cannot encode
 * one, so the text would be saved as replacement characters instead of what was sent.
 */
function checkWellFormedText(body: unknown): void {
  // Iterative, although checkJsonDepth has bounded the nesting already.
  const pending: { value: unknown; path: string }[] = [{ value: body, path: '' }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, path } = item;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) throw malformedTextError(path);
    } else if (Array.isArray(value)) {
      value.forEach((entry, index) => pending.push({ value: entry, path: joinPath(path, index) }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) throw malformedTextError(path);
        pending.push({ value: entry, path: joinPath(path, key) });
      }
    }
  }
}

function joinPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function malformedTextError(path: string): ApiError {
  const where = path === '' ? 'the request body' : path;
  return new ApiError(
    400,
    'validation_failed',
    `The text in ${where} is not valid Unicode: it contains a lone UTF-16 surrogate. ` +
      'Send valid Unicode text.',
    [{ path, message: 'Use valid Unicode text.' }],
  );
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
