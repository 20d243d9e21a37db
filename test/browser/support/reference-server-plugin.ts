/**
 * Runs the reference API server for the browser tests, behind the test runner's own origin:
 * requests to `/v1/…` are forwarded to it, so tests use the real API with relative URLs.
 *
 * Each seeded workspace gets a server of its own on an in-memory database, because the demo
 * seed always creates the same workspace id. Requests are routed by their bearer token, which
 * is unique to one seeded server. Requests without a known token go to an empty server, which
 * responds as the API does to them (401 for a missing or unknown token).
 *
 * Browser tests call these server commands with `executeServerCommand`:
 * - `ls-seed-workspace` seeds a fresh workspace and returns `SeededWorkspace`.
 * - `ls-seed-bulk-workspace` seeds a workspace of `{ count }` members with `seedBulkMembers`
 *   and returns `SeededWorkspace`.
 * - `ls-inject-fault` makes the next matching requests of one seeded workspace fail or wait.
 *   Payload: `{ token, rule: FaultRule }`, where `token` is either token of that workspace.
 * - `ls-renew-session` ends the session of `{ token }` as if it had expired, signs the same user
 *   in again and returns the new session token, which routes to the same workspace.
 * - `ls-accept-invitation` accepts the newest invitation to `{ email }` under `{ name }` in the
 *   workspace of `{ token }`, as the invitee does with the link in the invitation email.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import type { TestRunnerPlugin } from '@web/test-runner';
import type { Context, Next } from 'koa';

import { silentLogger } from '../../../server/logger.js';
import { seedBulkMembers } from '../../../server/seed/seed-bulk-members.js';
import { seedDemoWorkspace } from '../../../server/seed/seed-demo-workspace.js';
import { insertSession } from '../../../server/seed/seed-rows.js';
import { listOutbox } from '../../../server/service/outbox.js';
import { createSecret, hashSecret } from '../../../server/service/secrets.js';
import { SESSION_LIFETIME_MS } from '../../../server/service/viewer.js';
import { startServer, type RunningServer } from '../../../server/start-server.js';

/** Makes requests whose path contains `path` fail with `status`, or wait `delayMs` first. */
export interface FaultRule {
  /** A substring of the request path, such as `/v1/workspaces/ws_demo/members`. */
  path: string;
  /** Only requests with this method; any method when absent. */
  method?: string;
  /** Responds with this status and a problem+json body instead of forwarding the request. */
  status?: number;
  /** Milliseconds to wait before forwarding or failing. */
  delayMs?: number;
  /**
   * Milliseconds to hold the server's response after it responded, so that a change is already
   * stored when a client with a shorter timeout stops waiting.
   */
  holdResponseMs?: number;
  /**
   * Responds with this body and `status` (default 200) instead of forwarding the request, for
   * responses that the server never sends, such as an HTML page or truncated JSON.
   */
  body?: string;
  /** The content type of `body`. Default `application/json`. */
  contentType?: string;
  /**
   * Changes the server's JSON response, for values that its database cannot store, such as a
   * role added by a newer server. Every object with all the properties of a patch's `where`
   * gets the properties of its `set`.
   */
  patches?: JsonPatch[];
  /** How many requests the rule applies to. Default 1. */
  times?: number;
}

/** A change of the objects in a JSON response that match `where`. */
export interface JsonPatch {
  where: Record<string, unknown>;
  set: Record<string, unknown>;
}

/** A seeded workspace and the session tokens of one admin and one member. */
export interface SeededWorkspace {
  workspaceId: string;
  adminToken: string;
  memberToken: string;
}

interface Instance {
  server: RunningServer;
  faults: (FaultRule & { times: number })[];
}

type Middleware = (context: Context, next: Next) => Promise<void>;

/** Headers that describe the forwarded body's encoding, which `fetch` has already undone. */
const HOP_HEADERS = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'host',
  'transfer-encoding',
]);

export function referenceServer(): { plugin: TestRunnerPlugin; middleware: Middleware } {
  const instances: Instance[] = [];
  const instancesByToken = new Map<string, Instance>();

  async function startInstance(): Promise<Instance> {
    const server = await startServer({ port: 0, databasePath: ':memory:', logger: silentLogger });
    const instance: Instance = { server, faults: [] };
    instances.push(instance);
    return instance;
  }

  async function seed(): Promise<SeededWorkspace> {
    const instance = await startInstance();
    const credentials = await seedDemoWorkspace(instance.server.database);
    instancesByToken.set(credentials.admin.sessionToken, instance);
    instancesByToken.set(credentials.member.sessionToken, instance);
    return {
      workspaceId: credentials.workspaceId,
      adminToken: credentials.admin.sessionToken,
      memberToken: credentials.member.sessionToken,
    };
  }

  async function seedBulk(payload: { count: number }): Promise<SeededWorkspace> {
    const instance = await startInstance();
    const seeded = await seedBulkMembers(instance.server.database, {
      workspaceId: 'ws_bulk',
      count: payload.count,
    });
    instancesByToken.set(seeded.admin.sessionToken, instance);
    instancesByToken.set(seeded.member.sessionToken, instance);
    return {
      workspaceId: seeded.workspaceId,
      adminToken: seeded.admin.sessionToken,
      memberToken: seeded.member.sessionToken,
    };
  }

  function instanceOf(command: string, token: string): Instance {
    const instance = instancesByToken.get(token);
    if (instance === undefined) {
      throw new Error(`${command}: the token belongs to no workspace seeded in this run.`);
    }
    return instance;
  }

  function injectFault(payload: { token: string; rule: FaultRule }): true {
    const instance = instanceOf('ls-inject-fault', payload.token);
    instance.faults.push({ ...payload.rule, times: payload.rule.times ?? 1 });
    return true;
  }

  async function renewSession(payload: { token: string }): Promise<string> {
    const instance = instanceOf('ls-renew-session', payload.token);
    const database = instance.server.database;
    const hash = await hashSecret(payload.token);
    const session = database.get<{ user_id: string }>(
      'SELECT user_id FROM sessions WHERE token_hash = ?',
      [hash],
    );
    if (session === undefined) throw new Error('ls-renew-session: the token has no session.');

    // A minute past the lifetime, so the server rejects the old token as expired.
    const expiredAt = new Date(Date.now() - SESSION_LIFETIME_MS - 60_000).toISOString();
    database.run('UPDATE sessions SET created_at = ? WHERE token_hash = ?', [expiredAt, hash]);
    const renewed = await createSecret('lss');
    insertSession(database, renewed, session.user_id, new Date().toISOString());
    instancesByToken.set(renewed.value, instance);
    return renewed.value;
  }

  async function acceptInvitation(payload: {
    token: string;
    email: string;
    name: string;
  }): Promise<true> {
    const instance = instanceOf('ls-accept-invitation', payload.token);
    const emails = listOutbox({ db: instance.server.database }).filter(
      (email) => email.recipient === payload.email,
    );
    const invitationToken = /token=(lsi_[a-z0-9]+)/.exec(emails.at(-1)?.body ?? '')?.[1];
    if (invitationToken === undefined) {
      throw new Error(`ls-accept-invitation: the outbox has no invitation to ${payload.email}.`);
    }

    const response = await fetch(new URL('/v1/invitations/accept', instance.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitationToken, name: payload.name }),
    });
    if (!response.ok) {
      throw new Error(
        `ls-accept-invitation: POST /v1/invitations/accept returned ${response.status}: ` +
          (await response.text()),
      );
    }
    return true;
  }

  async function forward(context: Context, next: Next): Promise<void> {
    if (!context.path.startsWith('/v1/')) return next();

    const instance = instancesByToken.get(bearerToken(context)) ?? instances[0];
    if (instance === undefined) throw new Error('The reference server has not started yet.');

    const fault = takeFault(instance, context);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.body !== undefined) {
      context.status = fault.status ?? 200;
      context.type = fault.contentType ?? 'application/json';
      context.body = fault.body;
      return;
    }
    if (fault?.status) {
      answerWithProblem(context, fault.status);
      return;
    }

    const response = await fetch(new URL(context.url, instance.server.url), {
      method: context.method,
      headers: requestHeaders(context),
      body: ['GET', 'HEAD'].includes(context.method) ? undefined : await readBody(context),
    });
    context.status = response.status;
    response.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name)) context.set(name, value);
    });
    // An event stream never ends, so it is passed through as it arrives.
    if (response.headers.get('content-type')?.startsWith('text/event-stream') && response.body) {
      context.body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
      return;
    }
    context.body = Buffer.from(await response.arrayBuffer());
    if (fault?.patches !== undefined) {
      const json: unknown = JSON.parse((context.body as Buffer).toString('utf8'));
      context.body = JSON.stringify(applyPatches(json, fault.patches));
    }
    if (fault?.holdResponseMs) {
      await new Promise((resolve) => setTimeout(resolve, fault.holdResponseMs));
    }
  }

  const plugin: TestRunnerPlugin = {
    name: 'ls-reference-server',

    async serverStart() {
      await startInstance();
    },

    async serverStop() {
      await Promise.all(instances.map((instance) => instance.server.close()));
    },

    async executeCommand({ command, payload }) {
      if (command === 'ls-seed-workspace') return seed();
      if (command === 'ls-seed-bulk-workspace') return seedBulk(payload as { count: number });
      if (command === 'ls-inject-fault') {
        return injectFault(payload as { token: string; rule: FaultRule });
      }
      if (command === 'ls-renew-session') return renewSession(payload as { token: string });
      if (command === 'ls-accept-invitation') {
        return acceptInvitation(payload as { token: string; email: string; name: string });
      }
      return undefined;
    },
  };

  return { plugin, middleware: forward };
}

function bearerToken(context: Context): string {
  const match = /^Bearer (.+)$/.exec(context.get('authorization'));
  return match?.[1] ?? '';
}

function takeFault(instance: Instance, context: Context): FaultRule | undefined {
  const index = instance.faults.findIndex(
    (rule) =>
      context.path.includes(rule.path) &&
      (rule.method === undefined || rule.method.toUpperCase() === context.method),
  );
  const rule = instance.faults[index];
  if (rule === undefined) return undefined;

  rule.times -= 1;
  if (rule.times <= 0) instance.faults.splice(index, 1);
  return rule;
}

function applyPatches(value: unknown, patches: readonly JsonPatch[]): unknown {
  if (Array.isArray(value)) return value.map((item) => applyPatches(item, patches));
  if (typeof value !== 'object' || value === null) return value;

  const entries = Object.entries(value).map(([key, field]) => [key, applyPatches(field, patches)]);
  let copy = Object.fromEntries(entries) as Record<string, unknown>;
  for (const { where, set } of patches) {
    const matches = Object.entries(where).every(([key, expected]) => copy[key] === expected);
    if (matches) copy = { ...copy, ...set };
  }
  return copy;
}

function requestHeaders(context: Context): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(context.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Reads the request body as text; every body of the API is JSON. */
async function readBody(context: Context): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of context.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Responds as the server does to an unexpected failure, so the SDK parses a real problem. */
function answerWithProblem(context: Context, status: number): void {
  context.status = status;
  context.type = 'application/problem+json';
  context.body = JSON.stringify({
    type: 'https://ls-admin.dev/problems/internal_error',
    title: 'Internal server error',
    status,
    detail: `The test runner injected a ${status} answer for ${context.method} ${context.path}.`,
    code: 'internal_error',
  });
}
