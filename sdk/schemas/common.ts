import * as z from 'zod/mini';

/** An ISO 8601 timestamp in UTC, such as `2026-03-01T09:30:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });

/** Stable identifiers are opaque strings with a type prefix, such as `mem_…` or `lic_…`. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** A value that is absent in the API is `null`, never omitted. */
export const nullable = z.nullable;
