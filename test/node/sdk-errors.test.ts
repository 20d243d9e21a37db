import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import vm from 'node:vm';

import ts from 'typescript';

import {
  HttpError,
  InvalidJsonError,
  isHttpError,
  isInvalidJsonError,
  isLsAdminError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  LsAdminError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  type Problem,
} from '../../sdk/index.js';

const url = 'http://127.0.0.1:8787/v1/workspaces/ws_demo/members/mem_1/license';

const noSeats: Problem = {
  type: 'https://ls-admin.dev/problems/no_seats_available',
  title: 'No seats available',
  status: 409,
  detail: 'No seats are left in the Team pool.',
  code: 'no_seats_available',
};

const guards = {
  isLsAdminError,
  isHttpError,
  isTimeoutError,
  isNetworkError,
  isResponseValidationError,
  isInvalidJsonError,
};
type GuardName = keyof typeof guards;

/** Asserts which guards accept `value`; every other guard must reject it. */
function assertGuards(value: unknown, accepted: GuardName[]): void {
  for (const [name, guard] of Object.entries(guards)) {
    assert.equal(guard(value), accepted.includes(name as GuardName), `${name}(${String(value)})`);
  }
}

/**
 * Evaluates sdk/errors in a fresh `vm` context, as another realm or a second copy of the SDK
 * would, and returns its exports. Each file is transpiled to CommonJS by TypeScript.
 */
function loadErrorsInAnotherRealm(): Record<string, new (...args: never[]) => Error> {
  const context = vm.createContext({});
  const cache = new Map<string, Record<string, unknown>>();

  const load = (file: string): Record<string, unknown> => {
    const cached = cache.get(file);
    if (cached) return cached;

    const source = readFileSync(new URL(`../../sdk/errors/${file}`, import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const exports: Record<string, unknown> = {};
    cache.set(file, exports);
    const require = (specifier: string) => load(specifier.replace('./', '').replace('.js', '.ts'));
    vm.runInContext(`(function (exports, require) {${outputText}\n})`, context)(exports, require);
    return exports;
  };
  return load('index.ts') as Record<string, new (...args: never[]) => Error>;
}

describe('HttpError', () => {
  const error = new HttpError({
    method: 'PUT',
    url,
    status: 409,
    statusText: 'Conflict',
    problem: noSeats,
  });

  test('message names method, URL, status and code', () => {
    assert.equal(
      error.message,
      `PUT ${url} failed with 409 no_seats_available: No seats are left in the Team pool.`,
    );
  });

  test('carries the request and the problem', () => {
    assert.equal(error.name, 'HttpError');
    assert.equal(error.method, 'PUT');
    assert.equal(error.url, url);
    assert.equal(error.status, 409);
    assert.equal(error.code, 'no_seats_available');
    assert.deepEqual(error.problem, noSeats);
    assert.deepEqual(error.errors, []);
  });

  test('lists field errors of validation_failed', () => {
    const problem: Problem = {
      ...noSeats,
      status: 400,
      code: 'validation_failed',
      detail: 'The request body is invalid.',
      errors: [{ path: 'email', message: 'Enter a valid email address.' }],
    };

    const invalid = new HttpError({ method: 'POST', url, status: 400, statusText: '', problem });

    assert.deepEqual(invalid.errors, problem.errors);
    assert.match(
      invalid.message,
      /400 validation_failed: .*\(email: Enter a valid email address\.\)/,
    );
  });

  test('without a problem has a null code', () => {
    const bare = new HttpError({
      method: 'GET',
      url,
      status: 502,
      statusText: 'Bad Gateway',
      problem: null,
    });

    assert.equal(bare.code, null);
    assert.equal(bare.problem, null);
    assert.equal(bare.message, `GET ${url} failed with 502 Bad Gateway.`);
  });

  test('is accepted by its guards only', () => {
    assert.ok(error instanceof LsAdminError);
    assert.ok(error instanceof Error);
    assertGuards(error, ['isLsAdminError', 'isHttpError']);
  });
});

describe('TimeoutError', () => {
  const error = new TimeoutError('GET', url, 250);

  test('carries the request and the limit', () => {
    assert.equal(error.name, 'TimeoutError');
    assert.equal(error.method, 'GET');
    assert.equal(error.url, url);
    assert.equal(error.timeout, 250);
    assert.match(error.message, /^GET http:\S+ timed out after 250 ms\./);
  });

  test('is accepted by its guards only', () => {
    assertGuards(error, ['isLsAdminError', 'isTimeoutError']);
  });
});

describe('NetworkError', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const cause = new TypeError('fetch failed', { cause: refused });
  const error = new NetworkError('GET', url, cause);

  test('carries the request and the cause', () => {
    assert.equal(error.name, 'NetworkError');
    assert.equal(error.method, 'GET');
    assert.equal(error.url, url);
    assert.equal(error.cause, cause);
    assert.match(
      error.message,
      /^GET http:\S+ failed before a response arrived: fetch failed \(ECONNREFUSED\)/,
    );
  });

  test('describes a cause that is not an Error', () => {
    assert.match(new NetworkError('GET', url, 'offline').message, /arrived: offline\./);
  });

  test('is accepted by its guards only', () => {
    assertGuards(error, ['isLsAdminError', 'isNetworkError']);
  });
});

describe('ResponseValidationError', () => {
  const issues = [
    {
      code: 'invalid_type',
      expected: 'string',
      path: ['workspace', 'name'],
      message: 'Invalid input',
    },
  ] as const;
  const error = new ResponseValidationError({
    method: 'GET',
    url,
    status: 200,
    expected: 'WorkspaceInfo',
    issues: issues as never,
  });

  test('carries the request and the issues', () => {
    assert.equal(error.name, 'ResponseValidationError');
    assert.equal(error.status, 200);
    assert.deepEqual(error.issues, issues);
    assert.match(
      error.message,
      /returned 200 with a body that is not a valid WorkspaceInfo: workspace\.name: Invalid input/,
    );
  });

  test('is accepted by its guards only', () => {
    assertGuards(error, ['isLsAdminError', 'isResponseValidationError']);
  });
});

describe('InvalidJsonError', () => {
  test('names an HTML page', () => {
    const error = new InvalidJsonError('GET', url, 200, '<!doctype html><title>App</title>');

    assert.match(error.message, /not valid JSON, starting "<!doctype html>/);
    assert.equal(error.bodyExcerpt, '<!doctype html><title>App</title>');
    assert.deepEqual(error.issues, []);
  });

  test('names an empty body', () => {
    const error = new InvalidJsonError('GET', url, 200, '');

    assert.match(error.message, /returned 200 with an empty body where JSON was expected/);
  });

  test('is a ResponseValidationError', () => {
    const error = new InvalidJsonError('GET', url, 200, '{"items": [');

    assert.ok(error instanceof ResponseValidationError);
    assertGuards(error, ['isLsAdminError', 'isResponseValidationError', 'isInvalidJsonError']);
  });
});

describe('error guards', () => {
  test('reject plain values', () => {
    for (const value of [null, undefined, 0, 'HttpError', new Error('x'), {}, new TypeError('x')]) {
      assertGuards(value, []);
    }
  });

  test('accept errors from another realm', () => {
    const realm = loadErrorsInAnotherRealm();
    const ForeignHttpError = realm.HttpError as unknown as typeof HttpError;

    const error = new ForeignHttpError({
      method: 'PUT',
      url,
      status: 409,
      statusText: '',
      problem: noSeats,
    });

    assert.equal(error instanceof HttpError, false);
    assert.equal(error instanceof Error, false);
    assertGuards(error, ['isLsAdminError', 'isHttpError']);
    assert.equal(error.code, 'no_seats_available');
  });

  test('accept a structurally branded object', () => {
    const branded = vm.runInNewContext(`
      const error = new Error('GET /v1 timed out after 5 ms.');
      for (const kind of ['LsAdminError', 'TimeoutError']) {
        Object.defineProperty(error, Symbol.for('ls-admin.' + kind), { value: true });
      }
      error;
    `) as unknown;

    assertGuards(branded, ['isLsAdminError', 'isTimeoutError']);
  });

  test('reject a brand with another value', () => {
    const fake = { [Symbol.for('ls-admin.LsAdminError')]: 'yes' };

    assertGuards(fake, []);
  });
});
