import { msg, str } from '@lit/localize';
import { html } from 'lit';

import type { PreviousAuthToken } from '../../sdk/schemas/auth-token.js';
import { formatDateTime } from '../i18n/format.js';

const HOUR_SECONDS = 60 * 60;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** The grace periods that `<ls-auth-token>` offers, in seconds; 0 stops the old token at once. */
export const GRACE_PERIOD_CHOICES = [0, HOUR_SECONDS, DAY_SECONDS, 7 * DAY_SECONDS] as const;
export type GracePeriodChoice = (typeof GRACE_PERIOD_CHOICES)[number];

function choiceLabel(seconds: GracePeriodChoice): string {
  switch (seconds) {
    case 0:
      return msg('Stops working at once');
    case HOUR_SECONDS:
      return msg('Keeps working for 1 hour');
    case DAY_SECONDS:
      return msg('Keeps working for 1 day');
    default:
      return msg('Keeps working for 7 days');
  }
}

/**
 * Renders the native radio group that picks what happens to the current token on rotation.
 * Arrow keys move between the options, as in every radio group.
 */
export function renderGracePeriodChoice(
  selected: GracePeriodChoice,
  disabled: boolean,
  onChange: (seconds: GracePeriodChoice) => void,
) {
  return html`
    <fieldset part="grace-period" class="grace-period" ?disabled=${disabled}>
      <legend>${msg('When you rotate, your current token')}</legend>
      ${GRACE_PERIOD_CHOICES.map(
        (seconds) => html`
          <label class="choice">
            <input
              type="radio"
              name="grace-period"
              value=${seconds}
              .checked=${seconds === selected}
              @change=${() => onChange(seconds)}
            />
            ${choiceLabel(seconds)}
          </label>
        `,
      )}
    </fieldset>
  `;
}

/** Builds the confirmation message for a rotation with the chosen grace period. */
export function rotationConfirmMessage(
  seconds: GracePeriodChoice,
  previous: PreviousAuthToken | null,
  now: Date,
): string {
  const parts: string[] = [];
  if (seconds === 0) {
    parts.push(
      msg(
        'Tools and scripts that use your current token stop working at once, until you give them the new one.',
      ),
    );
  } else {
    const until = formatDateTime(new Date(now.getTime() + seconds * 1000).toISOString());
    parts.push(
      msg(
        str`Tools and scripts that use your current token keep working until ${until}. Give them the new token before then.`,
      ),
    );
  }
  // A user has one previous token at most, so a rotation stops the one still in its grace period.
  if (previous !== null && Date.parse(previous.expiresAt) > now.getTime()) {
    const hint = previous.hint;
    const until = formatDateTime(previous.expiresAt);
    parts.push(msg(str`Your previous token ${hint} stops working at once instead of at ${until}.`));
  }
  parts.push(msg('The new token is shown only once.'));
  return parts.join(' ');
}
