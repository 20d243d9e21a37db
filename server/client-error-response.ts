import { maxHeaderSize } from 'node:http';
import type { Duplex } from 'node:stream';

import { buildProblem } from './http/problem-response.js';
import type { Logger } from './logger.js';

/**
 * Responds to a request that Node's HTTP parser rejected before the app saw it (a malformed
 * request line, headers past `maxHeaderSize`, a broken chunked body) with a problem response
 * in place of Node's empty one. Attach it to the server's `clientError` event.
 */
export function respondToClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  logger: Logger,
): void {
  // A reset or already closed connection has no client left to respond to.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }

  // Node sends this bare response itself without a clientError listener. A client that took
  // too long to send its request is unlikely to read a body.
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    return;
  }

  const { status, detail } = describeClientError(error);
  logger.info({ code: error.code, status }, 'rejected a malformed HTTP request');
  const problem = buildProblem(status, 'validation_failed', detail);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${status} ${problem.title}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function describeClientError(error: NodeJS.ErrnoException): { status: number; detail: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      detail:
        `The request line and headers are larger than ${maxHeaderSize} bytes. Send shorter ` +
        'headers and put long values in the body.',
    };
  }
  return {
    status: 400,
    detail: `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}). Send a well-formed request.`,
  };
}
