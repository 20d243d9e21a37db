import { msg, str } from '@lit/localize';

import type { CredentialUsingMember } from '../../sdk/domain/last-credential-use.js';
import { lastCredentialUseOf } from '../../sdk/domain/last-credential-use.js';
import { formatDateTime, formatRelativeTime } from '../i18n/format.js';

/**
 * Describes the credential a member's tools last activated a license with and how long ago,
 * such as "Auth token, 3 hours ago" or "Previous auth token (in grace until Mar 3, 2026,
 * 10:00 AM), 1 hour ago", or "Never used". An auth token other than the current one is named
 * by its hint: "Auth token lsat_…a1b2, 5 minutes ago".
 */
export function describeLastCredentialUse(
  member: CredentialUsingMember,
  now: Date = new Date(),
): string {
  const use = lastCredentialUseOf(member, now);
  if (use.kind === 'never') return msg('Never used');

  const ago = formatRelativeTime(use.usedAt, { now: now.getTime() });
  switch (use.kind) {
    case 'api-key':
      return msg(str`Legacy API key, ${ago}`);
    case 'auth-token': {
      // A token that a rotation replaced since is named, so that the line does not read as a
      // use of the current token.
      if (member.authToken !== null && member.authToken.hint !== use.hint) {
        const hint = use.hint;
        return msg(str`Auth token ${hint}, ${ago}`);
      }
      return msg(str`Auth token, ${ago}`);
    }
    case 'previous-auth-token': {
      if (use.graceEndsAt === null) {
        return msg(str`Previous auth token (no longer works), ${ago}`);
      }
      const until = formatDateTime(use.graceEndsAt);
      return msg(str`Previous auth token (in grace until ${until}), ${ago}`);
    }
    case 'unknown':
      return msg(str`${use.credential}, ${ago}`);
  }
}
