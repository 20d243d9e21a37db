import { activeLocale } from './localization.js';

const SECOND_MS = 1000;
const HOUR_MS = 60 * 60 * SECOND_MS;
const DAY_MS = 24 * HOUR_MS;

/** The units of a relative time, from the largest, each with its length in milliseconds. */
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', 60 * SECOND_MS],
];

/** Formatters by locale and options, so that each render reuses them. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: (locale: string) => T,
): T {
  const locale = activeLocale();
  const fullKey = `${locale} ${key}`;
  let formatter = formatters.get(fullKey);
  if (formatter === undefined) {
    formatter = create(locale);
    formatters.set(fullKey, formatter);
  }
  return formatter as T;
}

/** Formats an ISO timestamp as a date in the active locale: "Jun 22, 2027", "22.06.2027". */
export function formatDate(timestamp: string): string {
  const format = cached(
    'date',
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
  );
  return format.format(new Date(timestamp));
}

/** Formats an ISO timestamp as a date and time in the active locale: "Mar 3, 2026, 10:00 AM". */
export function formatDateTime(timestamp: string): string {
  const format = cached(
    'date-time',
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return format.format(new Date(timestamp));
}

/**
 * Formats a calendar day that the API sends as midnight UTC, such as "June 30, 2027" or
 * "30. Juni 2027". It formats in UTC, because a time zone west of UTC would show the day before.
 */
export function formatDay(timestamp: string): string {
  const format = cached(
    'day',
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  );
  return format.format(new Date(timestamp));
}

export interface RelativeTimeOptions {
  /** The time to measure from, in milliseconds since the epoch; defaults to now. */
  now?: number;
  /**
   * The largest unit to use, `year` by default. `day` keeps "in 10 days" from turning into
   * the vaguer "next week".
   */
  largestUnit?: 'year' | 'day';
}

/**
 * Formats how far a timestamp lies from now in the largest whole unit, in the active locale:
 * "3 days ago", "in 5 hours", "yesterday", "vor 3 Tagen". Under a minute is "now". Hours are
 * used under one day, because "today" would hide that an invitation expires soon.
 */
export function formatRelativeTime(timestamp: string, options: RelativeTimeOptions = {}): string {
  const { now = Date.now(), largestUnit = 'year' } = options;
  const format = cached(
    'relative',
    (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  const elapsed = Date.parse(timestamp) - now;
  const units =
    largestUnit === 'day' ? UNITS.slice(UNITS.findIndex(([unit]) => unit === 'day')) : UNITS;
  for (const [unit, length] of units) {
    if (Math.abs(elapsed) >= length) return format.format(Math.round(elapsed / length), unit);
  }
  return format.format(0, 'second');
}

/** Formats a count with the active locale's digit grouping: "12,500" or "12.500". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(activeLocale()).format(value);
}

/**
 * Returns the plural category of `count` in the active locale (`one`, `other`, and in some
 * languages `few` or `many`), so a caller can pick one message for each category.
 */
export function pluralCategory(count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(activeLocale()).select(count);
}

/** One message for each plural category; `other` is the fallback that every language has. */
export type PluralMessages = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Picks the message for the plural category of `count` in the active locale. */
export function selectPlural(count: number, messages: PluralMessages): string {
  return messages[pluralCategory(count)] ?? messages.other;
}
