import { createWorkspaceClient } from '../sdk/client/index.js';
import { MembersPage } from '../sdk/schemas/member.js';
import type { Member } from '../sdk/schemas/member.js';
import { createApp } from '../server/http/create-app.js';
import { seedDemoWorkspace } from '../server/seed/seed-demo-workspace.js';
import { openBetterSqliteDatabase } from '../server/storage/better-sqlite3-database.js';
import type { Suite, SuiteOptions } from './support/figures.js';
import { describeSpread, median, round } from './support/figures.js';

const PAGE_SIZE = 200;
const BASE_URL = 'http://bench.invalid/';

/**
 * Measures how long the SDK takes to check a 200-member page against its schema. The members are the
 * reference server's demo members as it serves them (admins, invitations, licenses, legacy
 * keys and auth tokens), repeated under new ids up to 200.
 */
export async function run(options: SuiteOptions): Promise<Suite[]> {
  const { text, workspaceId } = await pageFromServer();
  const parsed: unknown = JSON.parse(text);
  const samples = options.scale === 'full' ? 400 : 40;

  const validation = measure(samples, () => {
    if (!MembersPage.safeParse(parsed).success) throw new Error('The page did not validate.');
  });
  const parseAndValidate = measure(samples, () => MembersPage.parse(JSON.parse(text)));

  const client = createWorkspaceClient({
    baseUrl: BASE_URL,
    workspaceId,
    token: 'bench',
    fetch: async () => new Response(text, { headers: { 'content-type': 'application/json' } }),
  });
  const throughClient: number[] = [];
  for (let index = 0; index < samples; index++) {
    const start = performance.now();
    await client.listMembers();
    throughClient.push(performance.now() - start);
  }

  return [
    {
      title: `SDK, a page of ${PAGE_SIZE} members`,
      figures: [
        {
          name: 'schema validation of the parsed page, median',
          value: round(median(validation)),
          unit: 'ms',
          spread: describeSpread(validation, 'ms'),
          budget: 2,
        },
        {
          name: 'JSON.parse and validation, median',
          value: round(median(parseAndValidate)),
          unit: 'ms',
          spread: describeSpread(parseAndValidate, 'ms'),
        },
        {
          name: 'client.listMembers() on an in-memory response, median',
          value: round(median(throughClient)),
          unit: 'ms',
          spread: describeSpread(throughClient, 'ms'),
          note: 'ky, headers, body reading, JSON.parse and validation; no network',
        },
      ],
    },
  ];
}

/** Times `work` after a warm-up of a quarter as many calls, in milliseconds per call. */
function measure(samples: number, work: () => unknown): number[] {
  for (let index = 0; index < samples / 4; index++) work();
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

/** Serves the demo workspace's members as JSON, repeated under new ids up to 200. */
async function pageFromServer(): Promise<{ text: string; workspaceId: string }> {
  const database = openBetterSqliteDatabase(':memory:');
  try {
    const demo = await seedDemoWorkspace(database);
    const app = createApp({ database });
    const response = await app.request(`/v1/workspaces/${demo.workspaceId}/members?limit=100`, {
      headers: { authorization: `Bearer ${demo.admin.sessionToken}` },
    });
    if (!response.ok) throw new Error(`The demo members request failed: ${response.status}.`);
    const served = MembersPage.parse(await response.json());
    const items: Member[] = Array.from({ length: PAGE_SIZE }, (_, index) => {
      const member = served.items[index % served.items.length]!;
      return { ...member, id: `${member.id}_${index}` };
    });
    return {
      text: JSON.stringify({ items, nextCursor: 'bench-next', total: 10_000 }),
      workspaceId: demo.workspaceId,
    };
  } finally {
    database.close();
  }
}
