import { brand, hasBrand } from './brand.js';

/** The base class of every error that the SDK throws for a failed request. */
export class LsAdminError extends Error {
  override name = 'LsAdminError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, 'LsAdminError');
  }
}

/** Tells whether a value is an `LsAdminError` of any kind, also one from another realm. */
export function isLsAdminError(value: unknown): value is LsAdminError {
  return hasBrand(value, 'LsAdminError');
}
