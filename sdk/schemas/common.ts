import * as z from 'zod/mini';

/**
 * RFC 3339 date-times with seconds and a `Z` or `±hh:mm` offset, checking the days of each
 * month and leap years. It is the pattern of zod 4.6's `z.iso.datetime({ offset: true })`,
 * whose schema class adds 0.4 kB to the gzipped browser bundle (measured with esbuild).
 */
const DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO 8601 timestamp in UTC, such as `2026-03-01T09:30:00.000Z`. */
export const Timestamp = z.stringFormat('date-time', DATE_TIME);

/** Stable identifiers are opaque strings with a type prefix, such as `mem_…` or `lic_…`. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** A value that is absent in the API is `null`, never omitted. */
export const nullable = z.nullable;
