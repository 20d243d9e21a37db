import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

import type { AuthToken } from '../../sdk/schemas/auth-token.js';
import type { GracePeriodChoice } from './grace-period-choice.js';

/**
 * Lists the hints of the tokens that the rotation confirmation names as stopping at once: the
 * current token when the grace period is 0, and a previous token still in its grace period.
 */
export function announcedRevocations(
  token: AuthToken,
  seconds: GracePeriodChoice,
  now: Date,
): string[] {
  const hints: string[] = [];
  if (seconds === 0) hints.push(token.hint);
  const previous = token.previous;
  if (previous !== null && Date.parse(previous.expiresAt) > now.getTime()) {
    hints.push(previous.hint);
  }
  return hints;
}

/**
 * Returns the hints in `revoked` that `announced` does not contain. A token rotated in another
 * tab or by a script between the confirmation and the request leaves such hints.
 */
export function unannouncedRevocations(revoked: readonly string[], announced: readonly string[]) {
  return revoked.filter((hint) => !announced.includes(hint));
}

/** Returns the sentence that a token stopped working with this rotation. */
export function revokedTokenNote(hint: string): string {
  return msg(str`The token ${hint} stopped working now.`);
}

/** Renders one line for each token that stopped working without the confirmation naming it. */
export function renderUnannouncedRevocations(hints: readonly string[]) {
  if (hints.length === 0) return nothing;
  return html`
    <ul part="revoked" class="revoked">
      ${hints.map((hint) => html`<li>${revokedTokenNote(hint)}</li>`)}
    </ul>
  `;
}
