import type { Member, UnknownValue } from '../schemas/member.js';
import { isUsedCredentialKind } from '../schemas/member.js';

/** The member fields that describe the credential their tools last used. */
export type CredentialUsingMember = Pick<Member, 'authToken' | 'lastCredentialUse'>;

/** The credential a member's tools last activated with, as `lastCredentialUseOf` reads it. */
export type LastCredentialUse =
  | { kind: 'never' }
  | { kind: 'api-key' | 'auth-token'; hint: string; usedAt: string }
  | {
      kind: 'previous-auth-token';
      hint: string;
      usedAt: string;
      /**
       * When the previous token stops working, or `null` when it no longer works: its grace
       * period ended, it was revoked, or a later rotation replaced it.
       */
      graceEndsAt: string | null;
    }
  | { kind: 'unknown'; credential: UnknownValue; hint: string; usedAt: string };

/**
 * Reads the credential a member's tools last activated with. `now` decides whether a
 * previous auth token is still in its grace period, because a member read earlier may show
 * a grace period that has ended since.
 */
export function lastCredentialUseOf(member: CredentialUsingMember, now: Date): LastCredentialUse {
  const use = member.lastCredentialUse;
  if (use === null) return { kind: 'never' };

  const { credential, hint, usedAt } = use;
  if (!isUsedCredentialKind(credential)) {
    return { kind: 'unknown', credential, hint, usedAt };
  }
  if (credential !== 'previous-auth-token') return { kind: credential, hint, usedAt };

  // The member's previous token is the one used only while the hints match, because a later
  // rotation makes the then-current token the previous one.
  const previous = member.authToken?.previous ?? null;
  const inGrace =
    previous !== null && previous.hint === hint && Date.parse(previous.expiresAt) > now.getTime();
  return { kind: credential, hint, usedAt, graceEndsAt: inGrace ? previous.expiresAt : null };
}
