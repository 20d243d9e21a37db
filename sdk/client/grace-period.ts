import { MAX_GRACE_PERIOD_SECONDS } from '../schemas/auth-token.js';
import type { RotationOptions } from './workspace-client.js';

const ROTATION_OPTIONS = ['gracePeriodSeconds'];

const RANGE_HINT =
  `a whole number of seconds from 0 to ${MAX_GRACE_PERIOD_SECONDS} (7 days). Pass 0 to stop ` +
  'the replaced token at once, or 3600 to keep it working for an hour';

/**
 * Returns the grace period of rotation options, 0 when it is left out. Throws a `TypeError`
 * for options that are not an object, an unknown option name or a value that is not a number,
 * and a `RangeError` naming `gracePeriodSeconds` unless it is a whole number from 0 to 604800.
 * A misspelt name or a `null` would otherwise rotate with no grace period without a word.
 */
export function checkGracePeriod(options: RotationOptions): number {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(
      `The rotation options must be an object such as { gracePeriodSeconds: 3600 }, ` +
        `but they are ${describeValue(options)}.`,
    );
  }
  const unknown = Object.keys(options).filter((name) => !ROTATION_OPTIONS.includes(name));
  if (unknown.length > 0) {
    throw new TypeError(
      `Unknown rotation option \`${unknown[0]}\`. The only option is \`gracePeriodSeconds\`, ` +
        `${RANGE_HINT}.`,
    );
  }

  const seconds: unknown = options.gracePeriodSeconds;
  if (seconds === undefined) return 0;
  if (typeof seconds !== 'number') {
    throw new TypeError(
      `\`gracePeriodSeconds\` must be ${RANGE_HINT}, but it is ${describeValue(seconds)}.`,
    );
  }
  if (Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_GRACE_PERIOD_SECONDS) {
    return seconds;
  }
  throw new RangeError(`\`gracePeriodSeconds\` must be ${RANGE_HINT}, but it is ${seconds}.`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value}'`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
