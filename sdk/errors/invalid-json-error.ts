import { brand, hasBrand } from './brand.js';
import { ResponseValidationError } from './response-validation-error.js';

/** How much of a body that is not JSON the error keeps, in characters. */
const BODY_EXCERPT_LENGTH = 200;

/**
 * A successful response whose body is not JSON at all: empty, truncated, or an HTML page
 * such as a proxy's error page or a development server's fallback to `index.html`.
 */
export class InvalidJsonError extends ResponseValidationError {
  override name = 'InvalidJsonError';
  /** The start of the body as received, to tell an HTML page from a truncated response. */
  readonly bodyExcerpt: string;

  constructor(method: string, url: string, status: number, body: string) {
    const details = { method, url, status, expected: 'JSON document', issues: [] };
    super(details, formatMessage(method, url, status, body));
    brand(this, 'InvalidJsonError');
    this.bodyExcerpt = body.slice(0, BODY_EXCERPT_LENGTH);
  }
}

/** Tells whether a value is an `InvalidJsonError`, also one from another realm. */
export function isInvalidJsonError(value: unknown): value is InvalidJsonError {
  return hasBrand(value, 'InvalidJsonError');
}

function formatMessage(method: string, url: string, status: number, body: string): string {
  const request = `${method} ${url} returned ${status} with`;
  const fix = 'Check that the base URL points at the API and not at a web page.';
  if (body.trim() === '') return `${request} an empty body where JSON was expected. ${fix}`;

  const excerpt = JSON.stringify(body.slice(0, 40));
  return `${request} a body that is not valid JSON, starting ${excerpt}. ${fix}`;
}
