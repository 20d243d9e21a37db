import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  addressNetwork,
  CredentialAttempts,
  RateLimitedError,
} from '../../server/http/credential-attempts.js';
import { FailureLimiter } from '../../server/http/failure-limiter.js';
import { ApiError } from '../../server/service/api-error.js';
import { RecordingLogger } from './support/recording-logger.js';

/** Returns a millisecond clock that tests move by hand. */
function manualClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (milliseconds: number) => {
      time += milliseconds;
    },
  };
}

describe('FailureLimiter', () => {
  test('blocks at maxFailures', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 60_000 }, clock.now);

    const blockedAfter = [1, 2, 3].map(() => {
      const nowBlocked = limiter.recordFailure('key');
      return { nowBlocked, waitMs: limiter.blockedForMs('key') };
    });

    assert.deepEqual(blockedAfter, [
      { nowBlocked: false, waitMs: 0 },
      { nowBlocked: false, waitMs: 0 },
      { nowBlocked: true, waitMs: 60_000 },
    ]);
    assert.equal(limiter.blockedForMs('other key'), 0);
  });

  test('window slides past old failures', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter({ maxFailures: 2, windowMs: 10_000 }, clock.now);
    limiter.recordFailure('key');
    clock.advance(4_000);
    limiter.recordFailure('key');

    const waitAtLimit = limiter.blockedForMs('key');
    clock.advance(6_000);
    const waitAfterOldestLeft = limiter.blockedForMs('key');

    assert.equal(waitAtLimit, 6_000, 'until the first failure leaves the window');
    assert.equal(waitAfterOldestLeft, 0);
  });

  test('reset forgets a key', () => {
    const limiter = new FailureLimiter({ maxFailures: 1, windowMs: 10_000 }, manualClock().now);
    limiter.recordFailure('key');

    limiter.reset('key');

    assert.equal(limiter.blockedForMs('key'), 0);
    assert.equal(limiter.size, 0);
  });

  test('memory stays within maxKeys', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter({ maxFailures: 2, windowMs: 60_000 }, clock.now, 100);

    for (let i = 0; i < 1000; i++) {
      limiter.recordFailure(`key ${i}`);
      clock.advance(1);
    }
    limiter.recordFailure('key 999');

    assert.equal(limiter.size, 100);
    assert.equal(limiter.blockedForMs('key 999'), 60_000 - 1, 'the newest key is kept');
    assert.equal(limiter.blockedForMs('key 0'), 0, 'the oldest key was dropped');
  });

  test('rejects an unusable limit', () => {
    const now = manualClock().now;
    assert.throws(() => new FailureLimiter({ maxFailures: 0, windowMs: 1 }, now), RangeError);
    assert.throws(() => new FailureLimiter({ maxFailures: 1.5, windowMs: 1 }, now), RangeError);
    assert.throws(() => new FailureLimiter({ maxFailures: 1, windowMs: 0 }, now), RangeError);
    assert.throws(() => new FailureLimiter({ maxFailures: 1, windowMs: NaN }, now), RangeError);
  });
});

describe('CredentialAttempts', () => {
  const limits = {
    perCredential: { maxFailures: 2, windowMs: 60_000 },
    perAddress: { maxFailures: 5, windowMs: 60_000 },
  };
  const credential = { kind: 'legacy API key' as const, hash: 'a'.repeat(64) };
  const client = { address: '192.0.2.1', requestId: 'request' };
  const reject = () => {
    throw new ApiError(401, 'unauthorized', 'Unknown key.');
  };

  test('success forgets the failures', () => {
    const attempts = new CredentialAttempts(limits, manualClock().now, new RecordingLogger());
    assert.throws(() => attempts.verify(credential, client, reject), ApiError);

    assert.equal(
      attempts.verify(credential, client, () => 'ok'),
      'ok',
    );
    assert.throws(() => attempts.verify(credential, client, reject), { status: 401 });
    assert.throws(() => attempts.verify(credential, client, reject), { status: 401 });
    assert.throws(() => attempts.verify(credential, client, reject), RateLimitedError);
  });

  test('server errors are not failures', () => {
    const attempts = new CredentialAttempts(limits, manualClock().now, new RecordingLogger());
    const crash = () => {
      throw new Error('database is locked');
    };

    for (let i = 0; i < 5; i++) {
      assert.throws(() => attempts.verify(credential, client, crash), /database is locked/);
    }

    assert.equal(
      attempts.verify(credential, client, () => 'ok'),
      'ok',
    );
  });

  test('blocked check is not run', () => {
    const attempts = new CredentialAttempts(limits, manualClock().now, new RecordingLogger());
    for (let i = 0; i < 2; i++) assert.throws(() => attempts.verify(credential, client, reject));
    let runs = 0;

    assert.throws(
      () =>
        attempts.verify(credential, client, () => {
          runs++;
          return 'ok';
        }),
      { status: 429, code: 'rate_limited', retryAfterSeconds: 60 },
    );
    assert.equal(runs, 0);
  });

  test('IPv6 clients share a /64', () => {
    const attempts = new CredentialAttempts(limits, manualClock().now, new RecordingLogger());
    for (let i = 0; i < 5; i++) {
      const other = { kind: 'session token' as const, hash: String(i).repeat(64) };
      const address = `2001:db8:1:2::${i + 1}`;
      assert.throws(() => attempts.verify(other, { address, requestId: 'r' }, reject), {
        status: 401,
      });
    }

    const sameNetwork = { address: '2001:db8:1:2:ffff::9', requestId: 'r' };
    const otherNetwork = { address: '2001:db8:1:3::1', requestId: 'r' };
    assert.throws(() => attempts.verify(credential, sameNetwork, () => 'ok'), { status: 429 });
    assert.equal(
      attempts.verify(credential, otherNetwork, () => 'ok'),
      'ok',
    );
  });
});

describe('addressNetwork', () => {
  const cases: [string, string][] = [
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0DB8:0001:0002:0003:0004:0005:0006', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ];
  for (const [address, network] of cases) {
    test(address, () => {
      assert.equal(addressNetwork(address), network);
    });
  }
});
