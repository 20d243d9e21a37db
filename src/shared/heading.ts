import { literal, type StaticValue } from 'lit/static-html.js';

/** The heading tags by level; index 0 is `h1`. Fixed literals, so no markup comes from data. */
const HEADING_TAGS: readonly StaticValue[] = [
  literal`h1`,
  literal`h2`,
  literal`h3`,
  literal`h4`,
  literal`h5`,
  literal`h6`,
];

/**
 * Returns the tag for a heading `depth` levels below an element's `heading-level`, for use in
 * a template of lit/static-html.js. Levels outside 1 to 6, and values that are not whole
 * numbers, are clamped or rounded, because HTML has no other heading elements.
 */
export function headingTag(headingLevel: number, depth = 0): StaticValue {
  const level = Number.isFinite(headingLevel) ? Math.round(headingLevel) + depth : 2 + depth;
  const index = Math.min(Math.max(level, 1), HEADING_TAGS.length) - 1;
  return HEADING_TAGS[index] as StaticValue;
}
