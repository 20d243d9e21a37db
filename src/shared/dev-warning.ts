/**
 * Bundlers replace `process.env.NODE_ENV` in production builds, which turns warnings off.
 * Pages that load the modules without a bundler have no `process`, so they get warnings.
 */
const DEV_MODE =
  typeof process === 'undefined' ||
  (process.env as { NODE_ENV?: string }).NODE_ENV !== 'production';

const issuedWarnings = new Set<string>();

/**
 * Prints a development warning once per tag and message, prefixed with the element's tag and
 * passing the element along so that the console links to it. Prints nothing in production.
 */
export function warnOnce(element: Element, message: string): void {
  if (!DEV_MODE) return;

  const tag = element.localName;
  const key = `${tag} ${message}`;
  if (issuedWarnings.has(key)) return;
  issuedWarnings.add(key);

  console.warn(`<${tag}> ${message}`, element);
}
