import { createApp } from '../server/http/create-app.js';
import type { SeededBulkWorkspace } from '../server/seed/seed-bulk-members.js';
import { seedBulkMembers } from '../server/seed/seed-bulk-members.js';
import type { RunningServer } from '../server/start-server.js';
import { startServer } from '../server/start-server.js';
import { openBetterSqliteDatabase } from '../server/storage/better-sqlite3-database.js';
import { applySchema } from '../server/storage/schema.js';
import type { Figure, Suite, SuiteOptions } from './support/figures.js';
import { describeSpread, median, quantile, round } from './support/figures.js';
import { contestLicenses } from './support/license-changes.js';
import type { ListRequestKind } from './support/member-list-requests.js';
import { listRequestKinds, membersPath } from './support/member-list-requests.js';
import type { RequestHandler } from './support/request-timing.js';
import { loadOverLoopback, timeRequestPairs, timeRequests } from './support/request-timing.js';

/** How much each measurement does; `small` only proves that the suite runs. */
const SCALES = {
  full: {
    members: 100_000,
    smallMembers: 1_000,
    samples: 400,
    loopbackRequests: 4_000,
    licenseOperations: 1_000,
  },
  small: {
    members: 2_000,
    smallMembers: 1_000,
    samples: 30,
    loopbackRequests: 200,
    licenseOperations: 200,
  },
};

const WORKSPACE_ID = 'ws_bench';
const CLIENTS = 8;
const SEED_BUDGET_MS = 10_000;
const P50_BUDGET_MS = 2;
const P99_BUDGET_MS = 10;
const RATIO_BUDGET = 2;

/** Seats of the pool that the license changes contend for, so that it runs out of seats. */
const CONTENDED_SEATS = 10;
/** How many members the license changes pick from. */
const CONTENDED_MEMBERS = 80;

/**
 * Measures the reference server on one workspace of 100,000 members in an in-memory
 * better-sqlite3 database: the seed, pages of 50 in-process and from 8 loopback clients,
 * the same pages on 1,000 members, and concurrent license changes with their outcome
 * checked in the database.
 */
export async function run(options: SuiteOptions): Promise<Suite[]> {
  const scale = SCALES[options.scale];
  const size = scale.members.toLocaleString('en-US');
  const smallSize = scale.smallMembers.toLocaleString('en-US');

  progress(`seeding ${size} members`);
  const server = await startServer({ databasePath: ':memory:' });
  const smallDatabase = openBetterSqliteDatabase(':memory:');
  try {
    const seedStart = performance.now();
    const seeded = await seedBulkMembers(server.database, {
      workspaceId: WORKSPACE_ID,
      count: scale.members,
    });
    const seedMs = performance.now() - seedStart;

    applySchema(smallDatabase);
    const smallSeeded = await seedBulkMembers(smallDatabase, {
      workspaceId: WORKSPACE_ID,
      count: scale.smallMembers,
    });
    const smallApp = createApp({ database: smallDatabase });
    const kinds = listRequestKinds(poolsOf(seeded));

    progress('timing pages in-process');
    const inProcess = await timeInProcess(server, seeded, kinds, scale.samples);

    progress(`timing pages on ${size} and ${smallSize} members`);
    const ratios: Figure[] = [];
    for (const kind of kinds.filter((candidate) => candidate.compared)) {
      const [large, small] = await timeRequestPairs(
        (path, init) => server.app.request(path, init),
        (path, init) => smallApp.request(path, init),
        [seeded.admin.sessionToken, smallSeeded.admin.sessionToken],
        kind.queries.map((query) => membersPath(WORKSPACE_ID, query)),
        scale.samples,
      );
      ratios.push({
        name: `page of 50, ${kind.name}: ${size} ÷ ${smallSize} members, medians`,
        value: round(median(large) / median(small)),
        unit: 'ratio',
        spread: `${round(median(large))} ms ÷ ${round(median(small))} ms`,
        budget: RATIO_BUDGET,
      });
    }

    progress(`timing pages from ${CLIENTS} loopback clients`);
    const loopback = await timeLoopback(server, seeded, kinds, scale.loopbackRequests);

    progress(`sending ${scale.licenseOperations} license changes from ${CLIENTS} clients`);
    const licenses = await measureLicenseChanges(server, seeded, scale.licenseOperations);

    progress('timing searches with a second workspace in the database');
    const shared = await timeSearchBesideAnotherWorkspace(server, seeded, kinds, scale);

    return [
      {
        title: `Reference server, ${size} members (better-sqlite3 in memory, in-process)`,
        figures: [
          {
            name: `seeding ${size} members`,
            value: Math.round(seedMs),
            unit: 'ms',
            budget: SEED_BUDGET_MS,
            note: 'one transaction; with users, auth tokens, legacy keys, counts and indexes',
          },
          ...inProcess,
          ...shared,
          ...ratios,
        ],
      },
      {
        title: `Reference server, ${size} members, ${CLIENTS} concurrent clients over loopback`,
        figures: [...loopback, ...licenses],
      },
    ];
  } finally {
    await server.close();
    smallDatabase.close();
  }
}

function poolsOf(seeded: SeededBulkWorkspace): { team: string; enterprise: string } {
  const team = seeded.pools.find((pool) => pool.plan === 'team')?.id;
  const enterprise = seeded.pools.find((pool) => pool.plan === 'enterprise')?.id;
  if (team === undefined || enterprise === undefined) {
    throw new Error('The bulk seed created no Team and Enterprise pools.');
  }
  return { team, enterprise };
}

async function timeInProcess(
  server: RunningServer,
  seeded: SeededBulkWorkspace,
  kinds: readonly ListRequestKind[],
  samples: number,
): Promise<Figure[]> {
  const handler: RequestHandler = (path, init) => server.app.request(path, init);
  const figures: Figure[] = [];
  for (const kind of kinds) {
    const paths = kind.queries.map((query) => membersPath(WORKSPACE_ID, query));
    const { samples: times, totals } = await timeRequests(
      handler,
      seeded.admin.sessionToken,
      paths,
      samples,
    );
    figures.push(...latencyFigures(`page of 50, ${kind.name}`, times, kind.budgeted));
    const last = figures.at(-1);
    if (last !== undefined) last.note = describeTotals(kind, totals);
  }
  return figures;
}

/**
 * Times the typical searches again after seeding a second workspace into the database. The
 * trigram index then also contains other members, so each match's workspace is checked.
 */
async function timeSearchBesideAnotherWorkspace(
  server: RunningServer,
  seeded: SeededBulkWorkspace,
  kinds: readonly ListRequestKind[],
  scale: (typeof SCALES)[keyof typeof SCALES],
): Promise<Figure[]> {
  await seedBulkMembers(server.database, {
    workspaceId: 'ws_bench_other',
    count: scale.smallMembers,
  });
  const search = kinds.find((kind) => kind.name === 'searched (3+ characters)');
  if (search === undefined) throw new Error('The benchmark has no typical searches.');

  const { samples } = await timeRequests(
    (path, init) => server.app.request(path, init),
    seeded.admin.sessionToken,
    search.queries.map((query) => membersPath(WORKSPACE_ID, query)),
    scale.samples,
  );
  const other = scale.smallMembers.toLocaleString('en-US');
  return latencyFigures(
    `page of 50, searched (3+ characters), ${other} more members in another workspace`,
    samples,
    false,
  );
}

async function timeLoopback(
  server: RunningServer,
  seeded: SeededBulkWorkspace,
  kinds: readonly ListRequestKind[],
  requests: number,
): Promise<Figure[]> {
  const loaded = kinds.filter((kind) => kind.budgeted);
  const paths = new Map(
    loaded.map((kind) => [
      kind.name,
      kind.queries.map((query) => membersPath(WORKSPACE_ID, query)),
    ]),
  );
  const load = await loadOverLoopback(
    server.url,
    seeded.admin.sessionToken,
    paths,
    CLIENTS,
    requests,
  );

  const figures: Figure[] = [];
  for (const [kind, times] of load.latencies) {
    figures.push(...latencyFigures(`page of 50, ${kind}`, times, false));
  }
  figures.push({
    name: 'pages of 50, all kinds above, throughput',
    value: Math.round((load.requests / load.durationMs) * 1000),
    unit: 'ops/s',
    spread: `n=${load.requests}`,
    note: 'clients and server share one Node.js process; latencies include client work',
  });
  return figures;
}

async function measureLicenseChanges(
  server: RunningServer,
  seeded: SeededBulkWorkspace,
  operations: number,
): Promise<Figure[]> {
  const contendedPool = 'lic_bench_contended';
  server.database.run(
    `INSERT INTO license_pools (id, workspace_id, plan, name, seats, expires_at)
     VALUES (?, ?, 'team', 'Contended', ?, NULL)`,
    [contendedPool, WORKSPACE_ID, CONTENDED_SEATS],
  );
  const result = await contestLicenses(server.database, {
    baseUrl: server.url,
    workspaceId: WORKSPACE_ID,
    adminToken: seeded.admin.sessionToken,
    // The first member is the admin who sends the requests.
    memberIds: seeded.memberIds.slice(1, 1 + CONTENDED_MEMBERS),
    poolIds: [contendedPool, poolsOf(seeded).team],
    clients: CLIENTS,
    operations,
  });
  const outcomes = Object.entries(result.outcomes)
    .map(([outcome, count]) => `${count} × ${outcome}`)
    .join(', ');

  return [
    {
      name: `license assign, reassign and unassign (${CONTENDED_MEMBERS} members), throughput`,
      value: Math.round((result.operations / result.durationMs) * 1000),
      unit: 'ops/s',
      spread: `n=${result.operations}`,
      note: outcomes,
    },
    {
      name: 'license changes: lost updates',
      value: result.lostUpdates,
      unit: 'count',
      budget: 0,
      note: 'responses that disagree on a version, or with the stored license',
    },
    {
      name: 'license changes: pools with more holders than seats',
      value: result.overAssignedPools,
      unit: 'count',
      budget: 0,
      note: `one pool of ${CONTENDED_SEATS} seats runs out; counted in the database`,
    },
    {
      name: 'license changes: responses other than 200 and 409 no_seats_available',
      value: result.unexpected,
      unit: 'count',
      budget: 0,
    },
  ];
}

function latencyFigures(name: string, times: number[], budgeted: boolean): Figure[] {
  return [
    {
      name: `${name}, p50`,
      value: round(median(times)),
      unit: 'ms',
      spread: describeSpread(times, 'ms'),
      budget: budgeted ? P50_BUDGET_MS : undefined,
    },
    {
      name: `${name}, p99`,
      value: round(quantile(times, 0.99)),
      unit: 'ms',
      spread: `max ${round(Math.max(...times))} ms, n=${times.length}`,
      budget: budgeted ? P99_BUDGET_MS : undefined,
    },
  ];
}

/** Describes the totals that each query of a kind returned, such as `role=admin: 2,055`. */
function describeTotals(kind: ListRequestKind, totals: ReadonlyMap<string, number>): string {
  const parts = kind.queries.map((query) => {
    const total = totals.get(membersPath(WORKSPACE_ID, query)) ?? 0;
    return `${decodeURIComponent(query) || 'no filter'}: ${total.toLocaleString('en-US')}`;
  });
  return `matches: ${parts.join(', ')}`;
}

function progress(message: string): void {
  console.error(`  server: ${message}`);
}
