import * as z from 'zod/mini';

import { Id } from './common.js';
import { Member, Role } from './member.js';

export const MAX_NAME_LENGTH = 200;
/** The maximum length of an address that SMTP can carry (RFC 5321, section 4.5.3.1.3). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Control characters (line breaks, NUL) and the Unicode embedding, override and isolate marks
 * (U+202A to U+202E, U+2066 to U+2069). The direction marks let a name display as other text,
 * for example "evil" shown as "live".
 */
const FORBIDDEN_NAME_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
/** Format characters such as the zero-width space, and separators, which show no glyph. */
const INVISIBLE_CHARACTERS = /[\p{Cf}\p{Z}]/gu;

/**
 * A display name with the surrounding whitespace removed. It must show at least one visible
 * character and may not contain control or text-direction characters.
 */
export const PersonName = z.pipe(
  z.string().check(z.trim()),
  z.string().check(
    z.minLength(1, { message: 'Enter a name.', abort: true }),
    z.maxLength(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters.`),
    z.refine((name) => !FORBIDDEN_NAME_CHARACTERS.test(name), {
      message: 'Remove line breaks, control characters and text-direction marks from the name.',
    }),
    z.refine((name) => name.replace(INVISIBLE_CHARACTERS, '') !== '', {
      message: 'Enter a name with at least one visible character.',
    }),
  ),
);

/** The maximum length of the part before the `@` (RFC 5321, section 4.5.3.1.1). */
export const MAX_EMAIL_LOCAL_PART_LENGTH = 64;

/** An email address with the surrounding whitespace removed; the case is kept as typed. */
export const EmailAddress = z.pipe(
  z.string().check(z.trim()),
  z.email('Enter a valid email address, such as name@example.com.').check(
    z.maxLength(MAX_EMAIL_LENGTH, `Use at most ${MAX_EMAIL_LENGTH} characters.`),
    z.refine((email) => email.lastIndexOf('@') <= MAX_EMAIL_LOCAL_PART_LENGTH, {
      message: `Use at most ${MAX_EMAIL_LOCAL_PART_LENGTH} characters before the @.`,
    }),
  ),
);

/** The body of `POST /workspaces/{ws}/invitations`. */
export const InvitationRequest = z.object({
  name: PersonName,
  email: EmailAddress,
  role: z.optional(Role),
  /**
   * A license pool to take a seat from at once. The invitation holds the seat while it is
   * pending.
   */
  licenseId: z.optional(z.nullable(Id)),
});
export type InvitationRequest = z.input<typeof InvitationRequest>;

/** The body of `POST /invitations/accept`, sent by the invitee from the link in their email. */
export const AcceptInvitationRequest = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(256)),
  name: PersonName,
});
export type AcceptInvitationRequest = z.input<typeof AcceptInvitationRequest>;

/** The response to an accepted invitation: the now active member and a session for the person. */
export const AcceptedInvitation = z.object({
  member: Member,
  workspaceId: Id,
  sessionToken: z.string(),
});
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;
