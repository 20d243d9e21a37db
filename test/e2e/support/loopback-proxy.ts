import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 that a test can cut, as a lost network connection would. */
export interface LoopbackProxy {
  /** The proxy's origin, such as `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /**
   * Destroys every open connection and, until `restore()`, every new one, so that clients see
   * their requests and streams fail.
   */
  cut(): void;
  /** Lets new connections through again. */
  restore(): void;
  /**
   * The times (`performance.now()`) at which a request whose first line contains `text`, such
   * as `/events`, passed through, oldest first.
   */
  requestTimes(text: string): number[];
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards each connection to `targetPort`. */
export async function startLoopbackProxy(targetPort: number): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
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
      // A keep-alive connection carries several requests, so every chunk is searched.
      for (const line of chunk.toString('latin1').match(/^[A-Z]+ \S+ HTTP\/1\.1/gm) ?? []) {
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
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      isCut = false;
    },
    requestTimes(text) {
      return requestLines.filter((entry) => entry.line.includes(text)).map((entry) => entry.at);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
