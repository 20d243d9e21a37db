import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { EventStreamParser, type ParsedEvent } from '../../sdk/client/event-stream-parser.js';
import {
  readWorkspaceEvents,
  type WorkspaceEvent,
} from '../../sdk/client/workspace-event-reader.js';
import type { ResponseValidationError } from '../../sdk/index.js';
import { isLsAdminError, isNetworkError, Member } from '../../sdk/index.js';

/** What a parser reported for a whole stream. */
interface Parsed {
  events: ParsedEvent[];
  ids: string[];
  retries: number[];
}

/** Parses `chunks` in order and ends the stream. */
function parse(chunks: readonly Uint8Array[]): Parsed {
  const parsed: Parsed = { events: [], ids: [], retries: [] };
  const parser = new EventStreamParser({
    onEvent: (event) => parsed.events.push(event),
    onLastEventId: (id) => parsed.ids.push(id),
    onRetry: (ms) => parsed.retries.push(ms),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return parsed;
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Returns every way to cut `bytes` into two chunks, and the cut into single bytes. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const result: Uint8Array[][] = [[bytes]];
  for (let at = 0; at <= bytes.length; at++) result.push([bytes.slice(0, at), bytes.slice(at)]);
  result.push(Array.from(bytes, (byte) => Uint8Array.of(byte)));
  return result;
}

const STREAM =
  '\uFEFFretry: 1500\n' +
  ': a comment\r\n' +
  'event: member\r\n' +
  'data: {"name":"Zoë 👩‍💻"}\r\n' +
  'id: e-1\r\n' +
  '\r\n' +
  'data:first line\r' +
  'data:  second line\r' +
  'data\r' +
  '\r' +
  'id: e-2\n' +
  '\n' +
  'event: licenses\n' +
  'data: {}\n' +
  'unknown: field\n' +
  '\n' +
  'event: cut off\n' +
  'data: never dispatched';

const EXPECTED: Parsed = {
  events: [
    { type: 'member', data: '{"name":"Zoë 👩‍💻"}', lastEventId: 'e-1' },
    { type: 'message', data: 'first line\n second line\n', lastEventId: 'e-1' },
    { type: 'licenses', data: '{}', lastEventId: 'e-2' },
  ],
  ids: ['e-1', 'e-2'],
  retries: [1500],
};

describe('EventStreamParser', () => {
  test('parses the stream at every split point', () => {
    for (const chunks of splits(encode(STREAM))) {
      const where = chunks.map((chunk) => chunk.length).join('+');
      assert.deepEqual(parse(chunks), EXPECTED, `split ${where}`);
    }
  });

  test('joins a character split across chunks', () => {
    const bytes = encode('data: 👩‍💻\n\n');
    const emoji = bytes.indexOf(0xf0);

    const parsed = parse([bytes.slice(0, emoji + 2), bytes.slice(emoji + 2)]);

    assert.equal(parsed.events[0]?.data, '👩‍💻');
  });

  test('treats CR LF split across chunks as one line end', () => {
    const parsed = parse([
      encode('data: a\r'),
      encode('\ndata: b\r'),
      encode('\n\r'),
      encode('\n'),
    ]);

    assert.deepEqual(
      parsed.events.map((event) => event.data),
      ['a\nb'],
    );
  });

  test('treats a lone CR before a line as a line end', () => {
    const parsed = parse([encode('data: a\r'), encode('data: b\r\r')]);

    assert.deepEqual(
      parsed.events.map((event) => event.data),
      ['a\nb'],
    );
  });

  test('skips comments and blocks without data', () => {
    const parsed = parse([encode(': only a comment\n\nevent: member\n\n: heartbeat\n\n')]);

    assert.deepEqual(parsed.events, []);
    assert.deepEqual(parsed.ids, []);
  });

  test('reports an id that arrives without data', () => {
    const parsed = parse([encode('id: k3x9-42\n\ndata: x\n\n')]);

    assert.deepEqual(parsed.ids, ['k3x9-42']);
    assert.equal(parsed.events[0]?.lastEventId, 'k3x9-42');
  });

  test('ignores an id with a NULL character', () => {
    const parsed = parse([encode('id: good\ndata: 1\n\nid: b\0d\ndata: 2\n\n')]);

    assert.deepEqual(
      parsed.events.map((event) => event.lastEventId),
      ['good', 'good'],
    );
  });

  test('ignores a retry that is not a number', () => {
    const parsed = parse([encode('retry: soon\nretry: 10s\nretry: 250\n\n')]);

    assert.deepEqual(parsed.retries, [250]);
  });
});

/** Builds a streamed response whose body is `chunks`. */
function streamedResponse(chunks: readonly string[], contentType = 'text/event-stream'): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

const MEMBER = {
  id: 'mem_1',
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  status: 'active',
  role: 'admin',
  permissions: [],
  licenseId: null,
  legacyKey: null,
  authToken: null,
  lastCredentialUse: null,
  invitedAt: null,
  joinedAt: '2026-03-01T09:00:00.000Z',
  invitation: null,
  version: 2,
};

describe('readWorkspaceEvents', () => {
  test('validates events and skips invalid ones', async () => {
    const events: WorkspaceEvent[] = [];
    const invalid: ResponseValidationError[] = [];
    const ids: string[] = [];
    const response = streamedResponse([
      `event: member\nid: e-1\ndata: ${JSON.stringify({ ...MEMBER, version: 0 })}\n\n`,
      'event: member-removed\nid: e-2\ndata: not json\n\n',
      'event: something-new\nid: e-3\ndata: {"any":"thing"}\n\n',
      `event: member\nid: e-4\ndata: ${JSON.stringify(MEMBER)}\n\n`,
      'event: member-removed\nid: e-5\ndata: {"memberId":"mem_2"}\n\n',
      'event: licenses\nid: e-6\ndata: {}\n\n',
      'event: reset\nid: e-7\ndata: {}\n\n',
    ]);

    await readWorkspaceEvents(response, {
      onEvent: (event) => events.push(event),
      onInvalidEvent: (error) => invalid.push(error),
      onLastEventId: (id) => ids.push(id),
    });

    assert.deepEqual(events, [
      { type: 'member', id: 'e-4', member: Member.parse(MEMBER) },
      { type: 'member-removed', id: 'e-5', memberId: 'mem_2' },
      { type: 'licenses', id: 'e-6' },
      { type: 'reset', id: 'e-7' },
    ]);
    assert.deepEqual(ids, ['e-1', 'e-2', 'e-3', 'e-4', 'e-5', 'e-6', 'e-7']);
    assert.equal(invalid.length, 2);
    assert.match(invalid[0]?.message ?? '', /not a valid member event: version/);
    assert.match(
      invalid[1]?.message ?? '',
      /member-removed event: \(root\): The data is not valid JSON/,
    );
  });

  test('ignores event types named like object properties', async () => {
    const events: WorkspaceEvent[] = [];
    const response = streamedResponse(['event: constructor\ndata: {}\n\n']);

    await readWorkspaceEvents(response, { onEvent: (event) => events.push(event) });

    assert.deepEqual(events, []);
  });

  test('rejects a response that is not an event stream', async () => {
    const response = streamedResponse(['<html></html>'], 'text/html');

    const failure = await readWorkspaceEvents(response, { onEvent() {} }).then(
      () => undefined,
      (error: unknown) => error,
    );

    assert.ok(isLsAdminError(failure));
    assert.match(failure.message, /returned 200 with text\/html, not text\/event-stream/);
  });

  test('rejects a connection that fails mid-stream', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) {
          controller.error(new TypeError('socket hang up'));
          return;
        }
        sent = true;
        controller.enqueue(encode('event: licenses\ndata: {}\n\n'));
      },
    });
    const events: WorkspaceEvent[] = [];
    const response = new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });

    const failure = await readWorkspaceEvents(response, {
      onEvent: (event) => events.push(event),
    }).then(
      () => undefined,
      (error: unknown) => error,
    );

    assert.equal(events.length, 1);
    assert.ok(isNetworkError(failure));
    assert.match(failure.message, /socket hang up/);
  });

  test('cancels the body when aborted', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encode('event: licenses\ndata: {}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const response = new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });

    await readWorkspaceEvents(response, {
      signal: controller.signal,
      onEvent: () => controller.abort(),
    });

    assert.equal(cancelled, true);
  });
});
