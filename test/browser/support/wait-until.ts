import { waitUntil as waitUntilWithDefaults } from '@open-wc/testing';

type Options = Parameters<typeof waitUntilWithDefaults>[2];

/**
 * Waits until `predicate` returns true, like `waitUntil` from @open-wc/testing, but for up to
 * five seconds by default instead of one. Each test talks to a real server, and on a machine
 * busy with other suites a round trip plus a render has taken over a second.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: Options = {},
): Promise<void> {
  return waitUntilWithDefaults(predicate, message, { timeout: 5000, ...options });
}
