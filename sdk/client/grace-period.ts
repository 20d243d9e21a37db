import { MAX_GRACE_PERIOD_SECONDS } from '../schemas/auth-token.js';
import type { RotationOptions } from './workspace-client.js';

/**
 * Returns the grace period of rotation options, 0 when it is left out. Throws a `RangeError`
 * naming `gracePeriodSeconds` unless it is a whole number from 0 to 604800.
 */
export function checkGracePeriod(options: RotationOptions): number {
  const seconds = options.gracePeriodSeconds ?? 0;
  if (Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_GRACE_PERIOD_SECONDS) {
    return seconds;
  }
  throw new RangeError(
    `\`gracePeriodSeconds\` must be a whole number of seconds from 0 to ` +
      `${MAX_GRACE_PERIOD_SECONDS} (7 days), but it is ${String(seconds)}. Pass 0 to stop the ` +
      'replaced token at once, or 3600 to keep it working for an hour.',
  );
}
