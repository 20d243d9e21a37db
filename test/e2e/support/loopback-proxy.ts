import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 that a test can cut, as a lost network connection would. */
export interface LoopbackProxy {
  /** The proxy's origin, such as `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /**
   * Destroys every open HTTP connection and, until `restore()`, every new one, so that clients
   * see their requests and streams fail. WebSocket connections stay, because Vite's dev client
   * reloads the page when its socket closes.
   */
  cut(): void;
  /** Lets new connections through again. */
  restore(): void;
  /**
   * The times (`performance.now()`) at which a request whose request line, such as
   * `GET /v1/workspaces/ws_demo/events HTTP/1.1`, matches `pattern` passed through, oldest
   * first.
   */
  requestTimes(pattern: RegExp): number[];
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards each connection to `targetPort`. */
export async function startLoopbackProxy(targetPort: number): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
  const webSockets = new WeakSet<Socket>();
  const requestLines: { line: string; at: number }[] = [];
  let isCut = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server: Server = createServer((client) => {
    track(client);
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream);
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      if (/^upgrade: *websocket/im.test(text)) {
        webSockets.add(client);
        webSockets.add(upstream);
      }
      // A keep-alive connection carries several requests, so every chunk is searched.
      for (const line of text.match(/^[A-Z]+ \S+ HTTP\/1\.1/gm) ?? []) {
        requestLines.push({ line, at: performance.now() });
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cut() {
      isCut = true;
      for (const socket of sockets) if (!webSockets.has(socket)) socket.destroy();
    },
    restore() {
      isCut = false;
    },
    requestTimes(pattern) {
      return requestLines.filter((entry) => pattern.test(entry.line)).map((entry) => entry.at);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
