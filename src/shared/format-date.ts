const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Formats an ISO timestamp as a date in the browser's locale, such as "Jun 22, 2027". */
export function formatDate(timestamp: string): string {
  return dateFormat.format(new Date(timestamp));
}
