import type { core } from 'zod/mini';

import { brand, hasBrand } from './brand.js';
import { LsAdminError } from './ls-admin-error.js';

/** How many issues the message lists; the `issues` property has all of them. */
const ISSUES_IN_MESSAGE = 3;

/** What the transport read from a 2xx response whose body does not match the contract. */
export interface ResponseValidationDetails {
  method: string;
  url: string;
  status: number;
  /** The schema's name as the contract spells it, such as `MembersPage`. */
  expected: string;
  issues: readonly core.$ZodIssue[];
}

/**
 * A successful response whose body does not match the schema of the contract, which
 * usually means that the server implements another version of the API.
 */
export class ResponseValidationError extends LsAdminError {
  override name = 'ResponseValidationError';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly issues: readonly core.$ZodIssue[];

  constructor(details: ResponseValidationDetails, message = formatMessage(details)) {
    super(message);
    brand(this, 'ResponseValidationError');
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.issues = details.issues;
  }
}

/** Tells whether a value is a `ResponseValidationError`, also one from another realm. */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return hasBrand(value, 'ResponseValidationError');
}

function formatMessage({ method, url, status, expected, issues }: ResponseValidationDetails) {
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more =
    issues.length > ISSUES_IN_MESSAGE ? `; and ${issues.length - ISSUES_IN_MESSAGE} more` : '';
  return (
    `${method} ${url} returned ${status} with a body that is not a valid ${expected}: ` +
    `${listed.join('; ')}${more}. Check that the server implements this version of the API.`
  );
}
