import type { Member, MembersPage } from '../../../sdk/schemas/member.js';
import type { DemoCredentials } from '../../../server/seed/seed-demo-workspace.js';
import { seedDemoWorkspace } from '../../../server/seed/seed-demo-workspace.js';
import type { CredentialLimits } from '../../../server/http/credential-attempts.js';
import type { Logger } from '../../../server/logger.js';
import { listOutbox } from '../../../server/service/outbox.js';
import type { RunningServer } from '../../../server/start-server.js';
import { startServer } from '../../../server/start-server.js';

/** A clock that tests move by hand, so expiry rules run without waiting. */
export class TestClock {
  #time: number;

  constructor(start: Date) {
    this.#time = start.getTime();
  }

  now = (): Date => new Date(this.#time);

  advance(milliseconds: number): void {
    this.#time += milliseconds;
  }
}

/**
 * The response to `TestServer.call`: the status, headers and parsed JSON body, or `null` for
 * an empty body or an event stream.
 */
export interface CallResult<Body = unknown> {
  status: number;
  headers: Headers;
  body: Body;
}

/** Options of `TestServer.call`. */
export interface CallOptions {
  /** The session token to send; omit it for an anonymous request. */
  token?: string;
  /** A value to send as the JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A reference server on a loopback port with the demo workspace seeded in memory. */
export interface TestServer extends DemoCredentials {
  server: RunningServer;
  clock: TestClock;
  /** Sends a request to a path such as `/v1/workspaces/ws_demo` and reads the response. */
  call<Body = unknown>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<CallResult<Body>>;
  /** The path of the demo workspace followed by `suffix`, such as `/members`. */
  workspacePath(suffix?: string): string;
  /**
   * Lists every member matching a query string such as `role=admin&limit=10`, page after page,
   * as the admin. Throws when a page does not return 200.
   */
  listAllMembers(query?: string): Promise<Member[]>;
  /** Returns the invitation token from the newest email to `email` in the outbox. */
  invitationTokenFor(email: string): string;
  close(): Promise<void>;
}

/** The time the test clock starts at; the demo seed dates everything relative to it. */
export const TEST_START = new Date('2026-03-02T09:00:00.000Z');

/** Options of `startTestServer`. */
export interface TestServerOptions {
  /** Receives the server's log entries. Default: none are kept. */
  logger?: Logger;
  /** Failed-credential limits. Default: the server's defaults. */
  credentialLimits?: CredentialLimits;
}

/** Starts a reference server on 127.0.0.1 with a fresh in-memory demo workspace. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = new TestClock(TEST_START);
  const server = await startServer({
    databasePath: ':memory:',
    now: clock.now,
    logger: options.logger,
    credentialLimits: options.credentialLimits,
  });
  const credentials = await seedDemoWorkspace(server.database, clock.now());

  const call = async <Body>(method: string, path: string, options: CallOptions = {}) => {
    const headers = new Headers(options.headers);
    if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
    let body: string | undefined;
    if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }

    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    // An event stream stays open, so only its status and headers are read.
    if (response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, body: null as Body };
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? null : JSON.parse(text)) as Body,
    };
  };

  const workspacePath = (suffix = '') => `/v1/workspaces/${credentials.workspaceId}${suffix}`;

  const listAllMembers = async (query = '') => {
    const members: Member[] = [];
    const params = new URLSearchParams(query);
    for (;;) {
      const page = await call<MembersPage>('GET', workspacePath(`/members?${params}`), {
        token: credentials.admin.sessionToken,
      });
      if (page.status !== 200) {
        throw new Error(
          `GET /members?${params} answered ${page.status}: ${JSON.stringify(page.body)}`,
        );
      }
      members.push(...page.body.items);
      if (page.body.nextCursor === null) return members;
      params.set('cursor', page.body.nextCursor);
    }
  };

  return {
    ...credentials,
    server,
    clock,
    call,
    workspacePath,
    listAllMembers,
    invitationTokenFor(email) {
      const emails = listOutbox({ db: server.database }).filter(
        (entry) => entry.recipient === email,
      );
      const token = /token=(lsi_[a-z0-9]+)/.exec(emails.at(-1)?.body ?? '')?.[1];
      if (token === undefined) throw new Error(`The outbox has no invitation to ${email}.`);
      return token;
    },
    close: () => server.close(),
  };
}
