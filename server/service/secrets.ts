/**
 * Random secrets and their hashes. Web Crypto is used in place of `node:crypto` so that the
 * service also runs in a browser; hashing is asynchronous there, so callers hash before they
 * open a transaction.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Returns `length` random characters from `[a-z0-9]`. */
export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let text = '';
  for (const byte of bytes) text += ALPHABET[byte % ALPHABET.length];
  return text;
}

/** Creates an opaque id with a type prefix, such as `mem_k3x9…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(16)}`;
}

/** A new secret, its hash for storage and its masked hint for display. */
export interface NewSecret {
  value: string;
  hash: string;
  hint: string;
}

/** Returns the hex SHA-256 digest of a secret, which is what the database stores. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Masks a secret to its prefix and last four characters, such as `lsat_…9f2c`. */
export function maskSecret(secret: string): string {
  const prefixEnd = secret.indexOf('_') + 1;
  return `${secret.slice(0, prefixEnd)}…${secret.slice(-4)}`;
}

/** Creates a random secret with a type prefix (`lss` session, `lsat` auth token, …). */
export async function createSecret(prefix: string): Promise<NewSecret> {
  const value = `${prefix}_${randomToken(32)}`;
  return { value, hash: await hashSecret(value), hint: maskSecret(value) };
}
