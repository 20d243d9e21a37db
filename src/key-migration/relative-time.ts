const SECOND_MS = 1000;

/** The units of a relative time, from the largest, each with its length in milliseconds. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 60 * 60 * SECOND_MS],
  ['month', 30 * 24 * 60 * 60 * SECOND_MS],
  ['week', 7 * 24 * 60 * 60 * SECOND_MS],
  ['day', 24 * 60 * 60 * SECOND_MS],
  ['hour', 60 * 60 * SECOND_MS],
  ['minute', 60 * SECOND_MS],
];

/**
 * Formats a past or future timestamp relative to `now` in the largest whole unit, such as
 * "2 hours ago" or "yesterday". Anything under a minute is "now".
 */
export function formatRelativeTime(
  timestamp: string,
  now: number = Date.now(),
  locale: string | undefined = pageLocale(),
): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = Date.parse(timestamp) - now;
  for (const [unit, length] of UNITS) {
    if (Math.abs(elapsed) >= length) return format.format(Math.round(elapsed / length), unit);
  }
  return format.format(0, 'second');
}

/** Formats a date such as "June 30, 2027" in the page's language, as a calendar day in UTC. */
export function formatDay(timestamp: string, locale: string | undefined = pageLocale()): string {
  // The deprecation date is a day at midnight UTC; a local time zone west of UTC would show
  // the day before.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(timestamp),
  );
}

/** The language of the page (`<html lang>`), or the browser's when the page sets none. */
export function pageLocale(): string | undefined {
  const lang = globalThis.document?.documentElement.lang;
  return lang === undefined || lang === '' ? undefined : lang;
}
