import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';

import fc from 'fast-check';

import type { Member, MembersPage } from '../../sdk/schemas/member.js';
import type { WorkspaceInfo } from '../../sdk/schemas/workspace.js';
import { PROBLEM_CODES, Problem } from '../../sdk/schemas/problem.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../server/http/validation.js';
import type { ApiOperation } from './support/api-operations.js';
import { listApiOperations } from './support/api-operations.js';
import type { ExampleTargets } from './support/example-requests.js';
import { exampleRequest, findExampleTargets } from './support/example-requests.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

/**
 * The property sends many requests with unknown and garbage credentials from one address, so
 * it runs with limits that do not block them and reaches the routes behind the session check.
 */
const GENEROUS_LIMITS = {
  perCredential: { maxFailures: 100_000, windowMs: 60_000 },
  perAddress: { maxFailures: 100_000, windowMs: 60_000 },
};

let api: TestServer;
let targets: ExampleTargets;
let memberIds: string[];

before(async () => {
  api = await startTestServer({ credentialLimits: GENEROUS_LIMITS });
  targets = await findExampleTargets(api);
  // The demo workspace has a second admin, so the caller could remove itself. Every later
  // request would then get 404, so the caller's own membership is no target.
  const info = await api.call<WorkspaceInfo>('GET', api.workspacePath(), {
    token: api.admin.sessionToken,
  });
  const { viewer } = info.body;
  memberIds = (await api.listAllMembers('limit=100'))
    .map((member) => member.id)
    .filter((id) => id !== viewer.memberId);
});

after(async () => {
  await api.close();
});

const BODY_OPERATIONS = listApiOperations().filter((operation) => operation.hasBody);
const PROBLEM_CODE_SET = new Set<string>(PROBLEM_CODES);

/** A request as the test builds it; `rawBody` is sent as it is, `body` as JSON. */
interface HostileRequest {
  method: string;
  path: string;
  token?: string;
  headers: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

interface Outcome {
  status: number;
  contentType: string | null;
  text: string;
}

async function send(request: HostileRequest): Promise<Outcome> {
  const headers = new Headers(request.headers);
  if (request.token !== undefined) headers.set('Authorization', `Bearer ${request.token}`);
  let body: string | undefined = request.rawBody;
  if (request.body !== undefined) body = JSON.stringify(request.body);
  if (body !== undefined && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  const response = await fetch(`${api.server.url}${request.path}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' ? undefined : body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    text: await response.text(),
  };
}

/** Describes an outcome for an assertion message, cut to a readable length. */
function describeOutcome(request: HostileRequest, outcome: Outcome): string {
  const sent = request.rawBody ?? JSON.stringify(request.body) ?? '';
  return (
    `${request.method} ${request.path.slice(0, 200)} with ${sent.slice(0, 200)} ` +
    `returned ${outcome.status}: ${outcome.text.slice(0, 300)}`
  );
}

/** Checks that a rejection is a problem response with a stable code and a readable detail. */
function assertClearOutcome(request: HostileRequest, outcome: Outcome): void {
  const context = describeOutcome(request, outcome);
  assert.ok(outcome.status < 500, context);
  if (outcome.status < 400) return;

  assert.equal(outcome.contentType, 'application/problem+json', context);
  const parsed = Problem.safeParse(JSON.parse(outcome.text));
  assert.ok(parsed.success, context);
  assert.equal(parsed.data.status, outcome.status, context);
  assert.ok(PROBLEM_CODE_SET.has(parsed.data.code), context);
  assert.ok(parsed.data.detail.length >= 20, context);
  assert.match(parsed.data.detail, /[.!?)]$/, context);
}

/** Sends a request and checks the outcome, returning the parsed problem for more checks. */
async function expectProblem(request: HostileRequest, status: number): Promise<Problem> {
  const outcome = await send(request);
  assertClearOutcome(request, outcome);
  assert.equal(outcome.status, status, describeOutcome(request, outcome));
  return JSON.parse(outcome.text) as Problem;
}

function exampleOf(operationId: string) {
  const operation = listApiOperations().find((each) => each.operationId === operationId);
  assert.ok(operation !== undefined, `the API has ${operationId}`);
  return exampleRequest(operation, targets);
}

function adminRequest(operation: ApiOperation, changes: Partial<HostileRequest> = {}) {
  const example = exampleRequest(operation, targets);
  return {
    method: example.method,
    path: example.path,
    token: api.admin.sessionToken,
    headers: example.headers ?? {},
    body: example.body,
    ...changes,
  };
}

/** Builds JSON text nested `depth` levels deep, alternating arrays and objects. */
function nestedJson(depth: number): string {
  let text = '"bottom"';
  for (let level = 0; level < depth; level++) {
    text = level % 2 === 0 ? `[${text}]` : `{"level":${text}}`;
  }
  return text;
}

/** Builds JSON text of arrays nested `depth` levels deep. */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const base64Url = (text: string) =>
  Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

describe('hostile input on every route', () => {
  for (const operation of BODY_OPERATIONS) {
    test(`${operation.operationId} oversized body`, async () => {
      const body = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });
      const problem = await expectProblem(
        adminRequest(operation, { body: undefined, rawBody: body }),
        413,
      );
      assert.equal(problem.code, 'payload_too_large');
    });

    test(`${operation.operationId} deep JSON`, async () => {
      const rawBody = nestedJson(MAX_JSON_DEPTH + 1);
      const problem = await expectProblem(
        adminRequest(operation, { body: undefined, rawBody }),
        400,
      );
      assert.equal(problem.code, 'validation_failed');
      assert.match(problem.detail, new RegExp(`at most ${MAX_JSON_DEPTH} levels`));
    });

    test(`${operation.operationId} deep unknown field`, async () => {
      const example = adminRequest(operation);
      const valid = JSON.stringify(example.body);
      const rawBody = `${valid.slice(0, -1)},"extra":${nestedArrays(20_000)}}`;
      const problem = await expectProblem({ ...example, body: undefined, rawBody }, 400);
      assert.equal(problem.code, 'validation_failed');
    });

    test(`${operation.operationId} unknown field`, async () => {
      const example = adminRequest(operation);
      const body = { ...(example.body as object), lisenceId: 'lic_team' };
      const problem = await expectProblem({ ...example, body }, 400);
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors, [
        { path: '', message: 'Remove the unknown field: lisenceId.' },
      ]);
    });

    test(`${operation.operationId} wrong top-level types`, async () => {
      for (const body of [null, [], 'text', 42, true]) {
        const problem = await expectProblem(adminRequest(operation, { body }), 400);
        assert.equal(problem.code, 'validation_failed');
      }
    });
  }

  test('nested unknown field names its path', async () => {
    const problem = await expectProblem(
      {
        ...exampleOf('activateLicense'),
        headers: {},
        body: { credentials: { type: 'api-key', token: api.member.legacyKey, scope: 'all' } },
      },
      400,
    );
    assert.deepEqual(problem.errors, [
      { path: 'credentials', message: 'Remove the unknown field: scope.' },
    ]);
  });

  test('lone surrogates are rejected', async () => {
    const invite = exampleOf('invite');
    const cases: HostileRequest[] = [
      {
        ...invite,
        token: api.admin.sessionToken,
        headers: {},
        body: undefined,
        rawBody: '{"name":"Broken \\ud800 Name","email":"lone.surrogate@example.org"}',
      },
      {
        ...exampleOf('acceptInvitation'),
        headers: {},
        body: undefined,
        rawBody: `{"token":"${targets.invitationToken}","name":"Low \\udc00"}`,
      },
      {
        ...exampleOf('activateLicense'),
        headers: {},
        body: undefined,
        rawBody: '{"credentials":{"type":"api-key","token":"lsk_\\udbff"}}',
      },
      {
        ...invite,
        token: api.admin.sessionToken,
        headers: {},
        body: undefined,
        rawBody: '{"name":"Key","email":"key.surrogate@example.org","\\ud800":1}',
      },
    ];
    for (const request of cases) {
      const problem = await expectProblem(request, 400);
      assert.match(problem.detail, /valid Unicode/);
    }
    const stored = await api.listAllMembers('limit=100&query=surrogate');
    assert.deepEqual(stored, []);
  });

  test('control and direction marks in names', async () => {
    for (const name of [
      'Null \u0000 Byte',
      'evil\u202Eexe.txt',
      'Isolate \u2066x\u2069',
      'a\r\nb',
    ]) {
      const problem = await expectProblem(
        {
          ...exampleOf('invite'),
          token: api.admin.sessionToken,
          headers: {},
          body: { name, email: 'marks@example.org' },
        },
        400,
      );
      assert.equal(problem.errors?.[0]?.path, 'name');
    }
  });

  test('very long strings name the maximum', async () => {
    const long = 'x'.repeat(10_000);
    const problem = await expectProblem(
      {
        ...exampleOf('invite'),
        token: api.admin.sessionToken,
        headers: {},
        body: { name: long, email: `${long}@example.org` },
      },
      400,
    );
    const paths = new Set(problem.errors?.map((error) => error.path));
    assert.deepEqual([...paths], ['name', 'email']);
    assert.match(problem.detail, /at most 200 characters/);
  });

  test('SQL metacharacters are plain text', async () => {
    const name = "Robert'); DROP TABLE members; --";
    const created = await send({
      ...exampleOf('invite'),
      token: api.admin.sessionToken,
      headers: {},
      body: { name, email: 'bobby.tables@example.org' },
    });
    assert.equal(created.status, 201, created.text);
    assert.equal((JSON.parse(created.text) as Member).name, name);

    for (const query of ["'", '%', '_', "' OR 1=1 --", '"; SELECT * FROM sessions; --', '\u0000']) {
      const result = await api.call<MembersPage>(
        'GET',
        api.workspacePath(`/members?query=${encodeURIComponent(query)}`),
        { token: api.admin.sessionToken },
      );
      assert.equal(result.status, 200, `query ${JSON.stringify(query)}`);
      for (const member of result.body.items) {
        const text = `${member.name} ${member.email}`.toLowerCase();
        assert.ok(text.includes(query.toLowerCase()), `${member.name} matches ${query}`);
      }
    }
    const bobby = await api.listAllMembers(`query=${encodeURIComponent("'); DROP")}`);
    assert.deepEqual(
      bobby.map((member) => member.name),
      [name],
    );
  });

  test('huge limit values', async () => {
    for (const limit of ['1e400', '99999999999999999999', '-1', 'NaN', 'Infinity', '1.5']) {
      const problem = await expectProblem(
        {
          method: 'GET',
          path: api.workspacePath(`/members?limit=${limit}`),
          token: api.admin.sessionToken,
          headers: {},
        },
        400,
      );
      assert.equal(problem.errors?.[0]?.path, 'limit');
    }
  });

  test('forged cursors', async () => {
    const forged = [
      'not-base64!',
      base64Url('{"after":["a","b"],"queryHash":"0"}'),
      base64Url('{"after":["a"],"queryHash":"x"}'),
      base64Url('{"after":[1,2]}'),
      base64Url('[]'),
      base64Url('"text"'),
      base64Url('42'),
      base64Url('{"after":"a"}'),
      base64Url('\u0000'),
      'x'.repeat(512),
    ];
    for (const cursor of forged) {
      const problem = await expectProblem(
        {
          method: 'GET',
          path: api.workspacePath(`/members?cursor=${encodeURIComponent(cursor)}`),
          token: api.admin.sessionToken,
          headers: {},
        },
        400,
      );
      assert.equal(problem.errors?.[0]?.path, 'cursor', cursor);
    }
  });

  test('cursor of JSON null', async () => {
    await expectProblem(
      {
        method: 'GET',
        path: api.workspacePath(`/members?cursor=${base64Url('null')}`),
        token: api.admin.sessionToken,
        headers: {},
      },
      400,
    );
  });

  test('malformed percent-encoding', async () => {
    const paths = [
      api.workspacePath('/members?query=%ED%A0%80'),
      api.workspacePath('/members?query=%FF%'),
      api.workspacePath('/members/%E0%A4%A'),
      '/v1/workspaces/%00/members',
      api.workspacePath('/members/%ED%B0%80/license'),
    ];
    for (const path of paths) {
      const request = { method: 'GET', path, token: api.admin.sessionToken, headers: {} };
      assertClearOutcome(request, await send(request));
    }
  });

  test('header longer than the limit', async () => {
    const outcome = await rawRequest(`GET ${api.workspacePath()} HTTP/1.1`, [
      `X-Padding: ${'x'.repeat(20_000)}`,
    ]);
    assert.equal(outcome.status, 431);
    assert.equal(outcome.contentType, 'application/problem+json');
    const problem = JSON.parse(outcome.text) as Problem;
    assert.equal(problem.status, 431);
    assert.match(problem.detail, /headers/);
  });

  test('malformed request line', async () => {
    const outcome = await rawRequest('GET /v1 /openapi.json HTTP/1.1\u0000', []);
    assert.equal(outcome.status, 400);
    assert.equal(outcome.contentType, 'application/problem+json');
  });
});

/** Sends raw HTTP/1.1 text over a socket, because `fetch` refuses to send malformed requests. */
function rawRequest(requestLine: string, headerLines: string[]): Promise<Outcome> {
  const url = new URL(api.server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(parseRawResponse(received)));
    socket.on('error', reject);
    const lines = [requestLine, `Host: ${url.host}`, ...headerLines, 'Connection: close', '', ''];
    socket.write(lines.join('\r\n'));
  });
}

function parseRawResponse(text: string): Outcome {
  const [head = '', body = ''] = text.split('\r\n\r\n', 2);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const contentType = headerLines
    .find((line) => line.toLowerCase().startsWith('content-type:'))
    ?.slice('content-type:'.length)
    .trim();
  return {
    status: Number(statusLine.split(' ')[1]),
    contentType: contentType ?? null,
    text: body,
  };
}

/** Characters and strings that have broken parsers, SQL and displays before. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  'a\udc00b',
  '\u202e',
  '\u2066\u2069',
  '\ufeff',
  '\u200b',
  '\r\n',
  "'",
  '"',
  "' OR 1=1 --",
  'x"; DROP TABLE members; --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-0',
  '1e400',
  '👩‍💻🏳️‍🌈',
  'é',
  'lic_team',
  'lic_enterprise',
  'mem_',
];

const hostileCharacter = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((text) => text.length > 0)),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: hostileCharacter, maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.integer({ min: 190, max: 20_000 }).map((length) => 'x'.repeat(length)),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63),
);

const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Raw body text that is not the JSON of a value: broken, deep, oversized or empty. */
const hostileRawBody = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'null', '[]', '{"name":"x",}', '\u0000', '{"a":1}{"b":2}'),
  fc.integer({ min: MAX_JSON_DEPTH - 2, max: 30_000 }).map((depth) => nestedArrays(depth)),
  fc
    .integer({ min: MAX_BODY_BYTES - 20, max: MAX_BODY_BYTES + 2000 })
    .map((length) => `{"name":"${'n'.repeat(length)}"}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Replaces the value at one leaf path of a JSON value. */
function replaceLeaf(value: unknown, path: readonly string[], replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [key]: replaceLeaf(record[key], rest, replacement) };
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, entry]) => leafPaths(entry, [...prefix, key]));
}

/** Generates a body for an operation whose valid example body is `example`. */
function hostileBody(example: unknown): fc.Arbitrary<Pick<HostileRequest, 'body' | 'rawBody'>> {
  const paths = leafPaths(example);
  return fc.oneof(
    fc.constant({ body: example }),
    fc
      .tuple(fc.constantFrom(...paths), hostileJson)
      .map(([path, replacement]) => ({ body: replaceLeaf(example, path, replacement) })),
    fc
      .tuple(hostileString, hostileJson)
      .map(([key, extra]) => ({ body: { ...(example as object), [key]: extra } })),
    fc.integer({ min: 2, max: 30_000 }).map((depth) => ({
      rawBody: `${JSON.stringify(example).slice(0, -1)},"extra":${nestedArrays(depth)}}`,
    })),
    hostileJson.map((body) => ({ body })),
    hostileRawBody.map((rawBody) => ({ rawBody })),
  );
}

/** Generates a path parameter: a real id, a hostile string, or raw percent-encoding. */
function pathValue(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real).map((value) => encodeURIComponent(value)) },
    hostileString
      .filter((text) => text.length > 0 && !LONE_SURROGATE_PATTERN.test(text))
      .map((text) => encodeURIComponent(text)),
    fc.constantFrom('%ED%A0%80', '%FF', '%', '%00', '%2F..%2F', '..', '.'),
  );
}

const LONE_SURROGATE_PATTERN = /\p{Cs}/u;

/** A query string for the members list: known keys with hostile values, or raw garbage. */
const membersQuery = fc.oneof(
  fc
    .record(
      {
        query: hostileString,
        role: fc.oneof(fc.constantFrom('admin', 'member'), hostileString),
        status: fc.oneof(fc.constantFrom('active', 'invited'), hostileString),
        license: fc.oneof(fc.constantFrom('none', 'any', 'lic_team'), hostileString),
        legacyKey: fc.oneof(fc.constantFrom('true', 'false'), hostileString),
        sort: fc.oneof(fc.constantFrom('name', '-email', 'invitedAt', '-role'), hostileString),
        cursor: fc.oneof(
          hostileString,
          hostileJson.map((value) => base64Url(JSON.stringify(value))),
        ),
        limit: fc.oneof(
          fc.integer({ min: -5, max: 200 }).map(String),
          fc.constantFrom('1e400', '99999999999999999999', 'NaN', '', '0x10'),
          hostileString,
        ),
      },
      { requiredKeys: [] },
    )
    .map((params) => {
      const entries = Object.entries(params).map(([key, value]) => [key, String(value)]);
      return `?${new URLSearchParams(entries)}`;
    }),
  fc.constantFrom('?query=%ED%A0%80', '?limit=%FF', '?role=admin&role=member', '?=&&=', '?%'),
);

/** A header value that `fetch` accepts: printable ASCII without surrounding spaces. */
const headerValue = fc.oneof(
  fc.stringMatching(/^[!-~]([ -~]{0,300}[!-~])?$/),
  fc.constantFrom('"1"', 'W/"1"', '*', '"999999999999999999"', '"-1"', '""', '"1", "2"'),
);

const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/merge-patch+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
  ),
  { nil: undefined, freq: 2 },
);

/** Generates a request to one operation with hostile parts and a caller. */
function hostileRequest(operation: ApiOperation): fc.Arbitrary<HostileRequest> {
  const example = exampleRequest(operation, targets);
  const caller = fc.oneof(
    { weight: 6, arbitrary: fc.constant(api.admin.sessionToken) },
    fc.constant(api.member.sessionToken),
    fc.constant(undefined),
    fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,80}$/),
  );
  const workspaceIds = [targets.workspaceId, targets.workspaceId, 'ws_other', 'ws_'];
  return fc
    .record({
      workspaceId: pathValue(workspaceIds),
      memberId: pathValue(memberIds),
      query: operation.operationId === 'listMembers' ? membersQuery : fc.constant(''),
      token: caller,
      ifMatch: fc.option(headerValue, { nil: undefined }),
      idempotencyKey: fc.option(headerValue, { nil: undefined }),
      contentType,
      payload: operation.hasBody ? hostileBody(example.body) : fc.constant({}),
    })
    .map((parts) => {
      const headers: Record<string, string> = {};
      if (parts.ifMatch !== undefined) headers['If-Match'] = parts.ifMatch;
      if (parts.idempotencyKey !== undefined) headers['Idempotency-Key'] = parts.idempotencyKey;
      if (parts.contentType !== undefined) headers['Content-Type'] = parts.contentType;
      // Path values are encoded already, so they are put in as they are.
      const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'workspaceId' ? parts.workspaceId : parts.memberId,
      );
      return {
        method: operation.method,
        path: `${path}${parts.query}`,
        token: parts.token,
        headers,
        ...parts.payload,
      };
    });
}

describe('hostile input property', () => {
  test('never 500, always a clear problem', async () => {
    const started = performance.now();
    const requests = fc.oneof(...listApiOperations().map((operation) => hostileRequest(operation)));

    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        assertClearOutcome(request, await send(request));
      }),
      { numRuns: 1000, interruptAfterTimeLimit: 40_000 },
    );

    // The server still serves ordinary requests afterwards.
    const health = await api.call('GET', api.workspacePath(), { token: api.admin.sessionToken });
    assert.equal(health.status, 200);
    assert.ok(performance.now() - started < 45_000);
  });
});
