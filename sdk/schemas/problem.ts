import * as z from 'zod/mini';

/**
 * The stable `code` values of problem responses. Hosts and the elements branch on these,
 * never on `title` or `detail`, which are for people.
 */
export const PROBLEM_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'validation_failed',
  'already_member',
  'no_seats_available',
  'license_expired',
  'last_admin',
  'version_conflict',
  'precondition_required',
  'permissions_unavailable',
  'not_invited',
  'invitation_expired',
  'no_license',
  'idempotency_key_reused',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One field that failed validation: a dotted path such as `email` and the reason. */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * An `application/problem+json` body (RFC 9457) with a stable `code`. `code` stays an open
 * string so that a newer server's codes still parse.
 */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.string(),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;
