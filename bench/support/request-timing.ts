import { readMembersPage, readResponseText } from './member-list-requests.js';

/** A function that handles a request in-process, such as a Hono app's `request` method. */
export type RequestHandler = (path: string, init: RequestInit) => Response | Promise<Response>;

/** Timings of one kind of request, and the `total` of the first response to each path. */
export interface RequestTimes {
  samples: number[];
  totals: Map<string, number>;
}

/**
 * Times GET requests to the paths in turn, `samples` in all after a warm-up of a tenth as
 * many. Each time includes routing, authentication, validation, the queries and the JSON
 * body, which is read in full as text. Parsing it is the client's work, so it is left out.
 */
export async function timeRequests(
  handler: RequestHandler,
  token: string,
  paths: readonly string[],
  samples: number,
): Promise<RequestTimes> {
  const init = { headers: { authorization: `Bearer ${token}` } };
  const totals = new Map<string, number>();
  for (let index = 0; index < Math.max(paths.length, samples / 10); index++) {
    const path = paths[index % paths.length]!;
    const page = await readMembersPage(await handler(path, init), path);
    totals.set(path, page.total);
  }

  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const path = paths[index % paths.length]!;
    const start = performance.now();
    await readResponseText(await handler(path, init), path);
    times.push(performance.now() - start);
  }
  return { samples: times, totals };
}

/**
 * Times the same paths on two handlers with their samples interleaved, so that a machine
 * that slows down during the run slows both alike.
 */
export async function timeRequestPairs(
  first: RequestHandler,
  second: RequestHandler,
  tokens: [string, string],
  paths: readonly string[],
  samples: number,
): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  const handlers = [first, second] as const;
  for (let index = -Math.ceil(samples / 10); index < samples; index++) {
    const path = paths[Math.abs(index) % paths.length]!;
    for (const side of [0, 1] as const) {
      const init = { headers: { authorization: `Bearer ${tokens[side]}` } };
      const start = performance.now();
      await readResponseText(await handlers[side](path, init), path);
      // Negative indexes are the warm-up.
      if (index >= 0) times[side].push(performance.now() - start);
    }
  }
  return times;
}

/** Latencies by kind from concurrent loopback clients, and their combined throughput. */
export interface LoopbackLoad {
  latencies: Map<string, number[]>;
  requests: number;
  durationMs: number;
}

/**
 * Sends `requests` GET requests from `clients` concurrent loops to a server over loopback,
 * cycling through the paths of every kind, after each client sent one warm-up request per
 * kind. Clients and server share one Node.js process, so client work adds to each latency.
 */
export async function loadOverLoopback(
  baseUrl: string,
  token: string,
  kinds: ReadonlyMap<string, readonly string[]>,
  clients: number,
  requests: number,
): Promise<LoopbackLoad> {
  const schedule = [...kinds].flatMap(([kind, paths]) => paths.map((path) => ({ kind, path })));
  const headers = { authorization: `Bearer ${token}` };
  const send = async (path: string) => {
    const response = await fetch(new URL(path, baseUrl), { headers });
    await readResponseText(response, path);
  };

  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (const paths of kinds.values()) await send(paths[0]!);
    }),
  );

  const latencies = new Map([...kinds.keys()].map((kind) => [kind, [] as number[]]));
  let next = 0;
  const client = async () => {
    while (next < requests) {
      const { kind, path } = schedule[next % schedule.length]!;
      next += 1;
      const start = performance.now();
      await send(path);
      latencies.get(kind)!.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies, requests, durationMs: performance.now() - started };
}
