import type { Member } from '../../sdk/schemas/member.js';
import { pseudoRandom } from '../../server/seed/pseudo-random.js';
import type { SqlDatabase } from '../../server/storage/sql-database.js';

/** The members and pools that concurrent license changes contend for. */
export interface LicenseContest {
  baseUrl: string;
  workspaceId: string;
  adminToken: string;
  memberIds: readonly string[];
  /** Pools to assign: a small one whose seats run out, and one with free seats. */
  poolIds: readonly string[];
  clients: number;
  operations: number;
}

/** The outcome of concurrent license changes, checked against the database afterwards. */
export interface LicenseContestResult {
  durationMs: number;
  operations: number;
  /** Responses by status and problem code, such as `{ "200": 870, "409 no_seats_available": 130 }`. */
  outcomes: Record<string, number>;
  /** Responses other than 200 and 409 `no_seats_available`. */
  unexpected: number;
  /**
   * Changes the database lost: two responses that give one member the same version with
   * different licenses, and members whose stored license is not the one of their
   * highest-version response.
   */
  lostUpdates: number;
  /** Pools of the workspace that have more holders than seats afterwards. */
  overAssignedPools: number;
}

/** The refusal that contended seats produce, which is a correct response. */
const EXPECTED_REFUSAL = '409 no_seats_available';

/**
 * Sends `operations` license changes from `clients` concurrent loops over HTTP: assign a
 * pool, move to the other pool, or unassign, each to a pseudo-random member of `memberIds`.
 * Then checks the responses against the database.
 */
export async function contestLicenses(
  database: SqlDatabase,
  contest: LicenseContest,
): Promise<LicenseContestResult> {
  const responses: { outcome: string; member?: Member }[] = [];
  let next = 0;
  const random = pseudoRandom(7);

  const client = async () => {
    while (next < contest.operations) {
      next += 1;
      const memberId = contest.memberIds[Math.floor(random() * contest.memberIds.length)];
      const choice = Math.floor(random() * (contest.poolIds.length + 1));
      const licenseId = contest.poolIds[choice];
      const path = `/v1/workspaces/${contest.workspaceId}/members/${memberId}/license`;
      const response = await fetch(new URL(path, contest.baseUrl), {
        method: licenseId === undefined ? 'DELETE' : 'PUT',
        headers: {
          authorization: `Bearer ${contest.adminToken}`,
          'content-type': 'application/json',
        },
        body: licenseId === undefined ? undefined : JSON.stringify({ licenseId }),
      });
      const body: unknown = await response.json();
      if (response.status === 200) {
        responses.push({ outcome: '200', member: body as Member });
      } else {
        responses.push({ outcome: `${response.status} ${(body as { code?: string }).code}` });
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: contest.clients }, client));
  const durationMs = performance.now() - started;

  const outcomes: Record<string, number> = {};
  for (const { outcome } of responses) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  const unexpected = responses.filter(
    ({ outcome }) => outcome !== '200' && outcome !== EXPECTED_REFUSAL,
  ).length;
  const members = responses.flatMap((response) => (response.member ? [response.member] : []));

  return {
    durationMs,
    operations: responses.length,
    outcomes,
    unexpected,
    lostUpdates: countLostUpdates(database, members),
    overAssignedPools: countOverAssignedPools(database, contest.workspaceId),
  };
}

function countLostUpdates(database: SqlDatabase, responses: readonly Member[]): number {
  const byMember = new Map<string, Member[]>();
  for (const member of responses) {
    byMember.set(member.id, [...(byMember.get(member.id) ?? []), member]);
  }

  let lost = 0;
  for (const [memberId, members] of byMember) {
    const licenseByVersion = new Map<number, Set<string | null>>();
    for (const member of members) {
      const licenses = licenseByVersion.get(member.version) ?? new Set();
      licenses.add(member.licenseId);
      licenseByVersion.set(member.version, licenses);
    }
    for (const licenses of licenseByVersion.values()) lost += licenses.size - 1;

    const latest = members.reduce((a, b) => (b.version > a.version ? b : a));
    const stored = database.get<{ license_id: string | null; version: number }>(
      'SELECT license_id, version FROM members WHERE id = ?',
      [memberId],
    );
    if (stored?.version !== latest.version || stored.license_id !== latest.licenseId) lost += 1;
  }
  return lost;
}

function countOverAssignedPools(database: SqlDatabase, workspaceId: string): number {
  const row = database.get<{ count: number }>(
    `SELECT COUNT(*) AS count FROM license_pools p
     WHERE p.workspace_id = ?
       AND (SELECT COUNT(*) FROM members m WHERE m.license_id = p.id) > p.seats`,
    [workspaceId],
  );
  return row?.count ?? 0;
}
