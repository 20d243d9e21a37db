/**
 * Marks an error with a registered symbol so that guards recognise it across realms
 * (iframes, `vm` contexts, two copies of the SDK in one bundle), where `instanceof` fails
 * because each realm or copy has its own class.
 */
export function brand(target: object, kind: string): void {
  Object.defineProperty(target, Symbol.for(`ls-admin.${kind}`), { value: true });
}

/** Tells whether a value carries the brand that `brand(target, kind)` sets. */
export function hasBrand(value: unknown, kind: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return (value as Record<symbol, unknown>)[Symbol.for(`ls-admin.${kind}`)] === true;
}
