import { request } from 'node:http';

import type { CallResult } from './test-server.js';

/** Options of `callFrom`. */
export interface LoopbackCallOptions {
  /** The session token to send as a bearer token. */
  token?: string;
  /** A value to send as the JSON body. */
  body?: unknown;
}

/**
 * Sends a request to a server on this machine from a chosen loopback address, such as
 * `127.0.0.2`, so that tests can act as several clients. Linux routes all of 127.0.0.0/8 to
 * the loopback interface, so any of those addresses can be bound without setup.
 */
export function callFrom<Body = unknown>(
  localAddress: string,
  baseUrl: string,
  method: string,
  path: string,
  options: LoopbackCallOptions = {},
): Promise<CallResult<Body>> {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }

  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
        localAddress,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value);
          }
          resolve({
            status: incoming.statusCode ?? 0,
            headers: responseHeaders,
            body: (text === '' ? null : JSON.parse(text)) as Body,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
