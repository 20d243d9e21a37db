import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import {
  createWorkspaceClient,
  isHttpError,
  isInvalidJsonError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  type Member,
  type WorkspaceClientOptions,
} from '../../sdk/index.js';

/** A request as the scripted server received it. */
interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

type Script = (request: ReceivedRequest, response: http.ServerResponse) => void;

/**
 * Serves responses that the reference server never sends (HTML, truncated JSON, none at all)
 * on 127.0.0.1. Each test sets `script` and reads `received`.
 */
class ScriptedServer {
  script: Script = (_request, response) => response.end();
  received: ReceivedRequest[] = [];
  readonly #server = http.createServer((request, response) => {
    const received = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    };
    this.received.push(received);
    this.script(received, response);
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  response.writeHead(status, { 'content-type': type });
  response.end(JSON.stringify(body));
}

const workspaceInfo = {
  workspace: { id: 'ws_demo', name: 'Acme Robotics', plan: 'enterprise' },
  viewer: { memberId: 'mem_1', role: 'admin', permissions: [] },
};

const invitedMember: Member = {
  id: 'mem_new',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  status: 'invited',
  role: 'member',
  permissions: [],
  licenseId: null,
  legacyKey: null,
  authToken: null,
  lastCredentialUse: null,
  invitedAt: '2026-03-01T09:30:00.000Z',
  joinedAt: null,
  invitation: { sentAt: '2026-03-01T09:30:00.000Z', expiresAt: '2026-03-08T09:30:00.000Z' },
  version: 1,
};

const unauthorized = {
  type: 'https://ls-admin.dev/problems/unauthorized',
  title: 'Unauthorized',
  status: 401,
  detail: 'The session token is missing, malformed or unknown.',
  code: 'unauthorized',
};

const scripted = new ScriptedServer();
let baseUrl: string;

before(async () => {
  baseUrl = await scripted.start();
});

after(async () => {
  await scripted.stop();
});

function clientWith(options: Partial<WorkspaceClientOptions> = {}) {
  scripted.received = [];
  const credentials = options.getToken ? {} : { token: 'lss_token' };
  return createWorkspaceClient({
    baseUrl,
    workspaceId: 'ws_demo',
    retry: 0,
    ...credentials,
    ...options,
  });
}

describe('WorkspaceClient response bodies', () => {
  test('HTML page with 200 raises InvalidJsonError', async () => {
    scripted.script = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><body>Sign in</body></html>');
    };

    await assert.rejects(clientWith().getWorkspace(), (error) => {
      assert.ok(isInvalidJsonError(error));
      assert.ok(isResponseValidationError(error));
      assert.equal(error.method, 'GET');
      assert.equal(error.url, `${baseUrl}/v1/workspaces/ws_demo`);
      assert.equal(error.status, 200);
      assert.match(
        error.message,
        /^GET http:\S+\/v1\/workspaces\/ws_demo returned 200 with a body that is not valid JSON/,
      );
      return true;
    });
  });

  test('truncated JSON raises InvalidJsonError', async () => {
    scripted.script = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"workspace": {"id": "ws_demo", "na');
    };

    await assert.rejects(clientWith().getWorkspace(), (error) => {
      assert.ok(isInvalidJsonError(error));
      assert.equal(error.bodyExcerpt, '{"workspace": {"id": "ws_demo", "na');
      return true;
    });
  });

  test('empty body raises InvalidJsonError', async () => {
    scripted.script = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end();
    };

    await assert.rejects(clientWith().listLicenses(), (error) => {
      assert.ok(isInvalidJsonError(error));
      assert.match(error.message, /an empty body where JSON was expected/);
      return true;
    });
  });

  test('field of the wrong type raises ResponseValidationError', async () => {
    scripted.script = (_request, response) => {
      sendJson(response, 200, {
        ...workspaceInfo,
        workspace: { ...workspaceInfo.workspace, name: 7 },
      });
    };

    await assert.rejects(clientWith().getWorkspace(), (error) => {
      assert.ok(isResponseValidationError(error));
      assert.equal(isInvalidJsonError(error), false);
      assert.deepEqual(
        error.issues.map((issue) => issue.path),
        [['workspace', 'name']],
      );
      assert.match(error.message, /not a valid WorkspaceInfo: workspace\.name: /);
      return true;
    });
  });

  test('error status with an HTML body has no code', async () => {
    scripted.script = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad gateway</html>');
    };

    await assert.rejects(clientWith().getWorkspace(), (error) => {
      assert.ok(isHttpError(error));
      assert.equal(error.status, 502);
      assert.equal(error.code, null);
      assert.equal(error.problem, null);
      assert.match(error.message, /failed with 502 Bad Gateway\.$/);
      return true;
    });
  });

  test('204 resolves removeMember', async () => {
    scripted.script = (_request, response) => {
      response.writeHead(204);
      response.end();
    };

    assert.equal(await clientWith().removeMember('mem_1'), undefined);
    assert.equal(scripted.received[0]?.method, 'DELETE');
  });
});

describe('WorkspaceClient connection failures', () => {
  test('slow response raises TimeoutError', async () => {
    scripted.script = () => {
      // Never responds; stop() closes the connection.
    };

    await assert.rejects(clientWith({ timeout: 100 }).getWorkspace(), (error) => {
      assert.ok(isTimeoutError(error));
      assert.equal(error.timeout, 100);
      assert.equal(error.method, 'GET');
      assert.equal(error.url, `${baseUrl}/v1/workspaces/ws_demo`);
      return true;
    });
  });

  test('refused connection raises NetworkError with cause', async () => {
    const closed = new ScriptedServer();
    const closedUrl = await closed.start();
    await closed.stop();
    const client = createWorkspaceClient({
      baseUrl: closedUrl,
      workspaceId: 'ws_demo',
      token: 't',
      retry: 0,
    });

    await assert.rejects(client.getWorkspace(), (error) => {
      assert.ok(isNetworkError(error));
      assert.equal(error.url, `${closedUrl}/v1/workspaces/ws_demo`);
      assert.ok(error.cause instanceof TypeError);
      assert.equal((error.cause.cause as { code?: string }).code, 'ECONNREFUSED');
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
  });

  test('fetch option that throws raises NetworkError', async () => {
    const failure = new Error('offline');
    const client = clientWith({ fetch: async () => Promise.reject(failure) });

    await assert.rejects(client.getWorkspace(), (error) => {
      assert.ok(isNetworkError(error));
      assert.equal(error.cause, failure);
      return true;
    });
  });
});

describe('WorkspaceClient retries', () => {
  test('invite retries with the same Idempotency-Key', async () => {
    let attempts = 0;
    scripted.script = (_request, response) => {
      attempts++;
      if (attempts === 1)
        sendJson(response, 503, { ...unauthorized, status: 503, code: 'internal_error' });
      else sendJson(response, 201, invitedMember);
    };
    const client = clientWith({ retry: 1 });

    const member = await client.invite({ name: 'Ada Lovelace', email: 'ada@example.com' });

    assert.deepEqual(member, invitedMember);
    assert.equal(scripted.received.length, 2);
    const [first, second] = scripted.received.map((request) => request.headers['idempotency-key']);
    assert.match(
      String(first),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(second, first);
  });

  test('invite sends a given Idempotency-Key', async () => {
    scripted.script = (_request, response) => sendJson(response, 201, invitedMember);

    await clientWith().invite(
      { name: 'Ada', email: 'ada@example.com' },
      { idempotencyKey: 'key-1' },
    );

    assert.equal(scripted.received[0]?.headers['idempotency-key'], 'key-1');
  });

  test('rotating the auth token is not retried', async () => {
    scripted.script = (_request, response) =>
      sendJson(response, 503, { ...unauthorized, status: 503, code: 'internal_error' });

    await assert.rejects(clientWith({ retry: 2 }).rotateOwnAuthToken(), { status: 503 });
    assert.equal(scripted.received.length, 1);
  });
});

describe('WorkspaceClient token refresh', () => {
  test('three concurrent 401s share one refresh', async () => {
    scripted.script = (request, response) => {
      if (request.headers.authorization === 'Bearer fresh') sendJson(response, 200, workspaceInfo);
      else sendJson(response, 401, unauthorized);
    };
    let calls = 0;
    const getToken = async () => {
      calls++;
      return calls <= 3 ? 'stale' : 'fresh';
    };
    const client = clientWith({ getToken });

    const responses = await Promise.all([
      client.getWorkspace(),
      client.getWorkspace(),
      client.getWorkspace(),
    ]);

    assert.equal(responses.length, 3);
    assert.equal(calls, 4, 'once before each request and once for the refresh');
    const sent = scripted.received.map((request) => request.headers.authorization);
    assert.deepEqual(sent.sort(), [
      'Bearer fresh',
      'Bearer fresh',
      'Bearer fresh',
      'Bearer stale',
      'Bearer stale',
      'Bearer stale',
    ]);
  });

  test('second 401 raises HttpError without a loop', async () => {
    scripted.script = (_request, response) => sendJson(response, 401, unauthorized);
    let calls = 0;
    const client = clientWith({ getToken: () => `token-${++calls}` });

    const results = await Promise.allSettled([
      client.getWorkspace(),
      client.listLicenses(),
      client.getMigration(),
    ]);

    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.ok(isHttpError(result.reason));
      assert.equal(result.reason.status, 401);
      assert.equal(result.reason.code, 'unauthorized');
    }
    assert.equal(calls, 4);
    assert.equal(scripted.received.length, 6);
  });

  test('fixed token is not replayed after 401', async () => {
    scripted.script = (_request, response) => sendJson(response, 401, unauthorized);

    await assert.rejects(clientWith().getWorkspace(), { name: 'UnauthorizedError', status: 401 });
    assert.equal(scripted.received.length, 1);
  });

  test('getToken returning nothing rejects with TypeError', async () => {
    const client = clientWith({ getToken: () => undefined as unknown as string });

    await assert.rejects(client.getWorkspace(), {
      name: 'TypeError',
      message: /getToken returned undefined/,
    });
  });
});
