const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * Formats how far `timestamp` lies from `now`: "in 3 days", "in 5 hours", "yesterday".
 * Hours are used under one day, because "today" would hide that an invitation expires soon.
 */
export function formatRelative(timestamp: string, now: number = Date.now()): string {
  const difference = Date.parse(timestamp) - now;
  if (Math.abs(difference) < DAY_MS) {
    return relativeFormat.format(Math.round(difference / HOUR_MS), 'hour');
  }
  return relativeFormat.format(Math.round(difference / DAY_MS), 'day');
}
