import type { Logger } from '../logger.js';
import { ApiError } from '../service/api-error.js';
import type { FailureLimit } from './failure-limiter.js';
import { FailureLimiter } from './failure-limiter.js';

/** The failure limits that `CredentialAttempts` applies. */
export interface CredentialLimits {
  /** Failures of one credential value, from any address. */
  perCredential: FailureLimit;
  /** Failures of any credentials from one client address (one IPv6 /64 network). */
  perAddress: FailureLimit;
}

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * The default limits. The per-address limit is the higher one, so that one client's failing
 * credential does not block another credential used from the same address.
 */
export const DEFAULT_CREDENTIAL_LIMITS: CredentialLimits = {
  perCredential: { maxFailures: 10, windowMs: FIFTEEN_MINUTES_MS },
  perAddress: { maxFailures: 50, windowMs: FIFTEEN_MINUTES_MS },
};

/** The kind of a credential, as messages and logs name it. */
export type CredentialKind = 'session token' | 'auth token' | 'legacy API key' | 'invitation token';

/** A credential presented with a request: its kind and the SHA-256 hash of its value. */
export interface PresentedCredential {
  kind: CredentialKind;
  hash: string;
}

/** The `429 rate_limited` error, with the seconds the client should wait. */
export class RateLimitedError extends ApiError {
  override name = 'RateLimitedError';

  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', detail);
  }
}

/**
 * Limits repeated failed credentials, per credential and per client address, so that guessing
 * session tokens, auth tokens, legacy keys or invitation tokens is slow. A blocked request is
 * rejected before the credential is looked up, so the response never reveals whether it was
 * valid. Blocked requests do not count as failures.
 */
export class CredentialAttempts {
  readonly #perCredential: FailureLimiter;
  readonly #perAddress: FailureLimiter;
  readonly #logger: Logger;

  /** `now` returns the current time in milliseconds. */
  constructor(limits: CredentialLimits, now: () => number, logger: Logger) {
    this.#perCredential = new FailureLimiter(limits.perCredential, now);
    this.#perAddress = new FailureLimiter(limits.perAddress, now);
    this.#logger = logger;
  }

  /**
   * Runs `check`, which looks the credential up and throws an `ApiError` when it is unknown,
   * expired or not allowed. Throws `429 rate_limited` without running it when the credential
   * or the address has used up its failures. An `ApiError` with a 4xx status counts as a
   * failure of both, and a success clears the credential's failures.
   */
  verify<T>(
    credential: PresentedCredential,
    client: { address: string; requestId: string },
    check: () => T,
  ): T {
    const credentialKey = `${credential.kind}:${credential.hash}`;
    const addressKey = addressNetwork(client.address);
    this.#rejectWhenBlocked(credential, credentialKey, addressKey, client.address);

    let result: T;
    try {
      result = check();
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        this.#recordFailure(credential, credentialKey, addressKey, client);
      }
      throw error;
    }
    this.#perCredential.reset(credentialKey);
    return result;
  }

  #rejectWhenBlocked(
    credential: PresentedCredential,
    credentialKey: string,
    addressKey: string,
    address: string,
  ): void {
    const addressWaitMs = this.#perAddress.blockedForMs(addressKey);
    const credentialWaitMs = this.#perCredential.blockedForMs(credentialKey);
    const seconds = Math.ceil(Math.max(addressWaitMs, credentialWaitMs) / 1000);
    if (addressWaitMs > 0) {
      throw new RateLimitedError(
        `Too many failed credentials were sent from ${address}. Wait ${seconds} seconds ` +
          '(Retry-After) and try again with a valid credential.',
        seconds,
      );
    }
    if (credentialWaitMs > 0) {
      throw new RateLimitedError(
        `This ${credential.kind} failed too many times. Wait ${seconds} seconds (Retry-After) ` +
          `before trying it again, and check that it is current.`,
        seconds,
      );
    }
  }

  #recordFailure(
    credential: PresentedCredential,
    credentialKey: string,
    addressKey: string,
    client: { address: string; requestId: string },
  ): void {
    const fields = { requestId: client.requestId, address: client.address, kind: credential.kind };
    // Each key is logged once, when it becomes blocked, rather than on every rejected request.
    if (this.#perCredential.recordFailure(credentialKey)) {
      this.#logger.warn({ ...fields, scope: 'credential' }, 'credential blocked after failures');
    }
    if (this.#perAddress.recordFailure(addressKey)) {
      this.#logger.warn({ ...fields, scope: 'address' }, 'client address blocked after failures');
    }
  }
}

/**
 * Returns the key of an address for the per-address limit: an IPv4 address as it is (also
 * when written IPv4-mapped, `::ffff:192.0.2.1`), and an IPv6 address as its /64 network,
 * because one client usually controls a whole /64.
 */
export function addressNetwork(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!address.includes(':')) return address;

  const withoutZone = address.split('%', 1)[0] ?? address;
  const [head = '', tail] = withoutZone.toLowerCase().split('::', 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = Math.max(8 - headGroups.length - tailGroups.length, 0);
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  const network = groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${network.join(':')}::/64`;
}
