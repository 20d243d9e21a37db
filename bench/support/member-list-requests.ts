import type { MembersPage } from '../../sdk/schemas/member.js';

/**
 * One kind of members-list request that the server benchmark times, with the query strings
 * that its samples take turns with.
 */
export interface ListRequestKind {
  name: string;
  queries: string[];
  /** Whether the kind is held to the page budgets (p50 ≤ 2 ms, p99 ≤ 10 ms). */
  budgeted: boolean;
  /** Whether the kind is compared between the large and the small workspace. */
  compared: boolean;
}

/**
 * Searches of three or more characters that an admin might type: surnames, first names,
 * parts of names, an email prefix and an accented name. On the seeded 100,000 members they
 * match from about ten to 4,000 members each.
 */
export const TYPICAL_SEARCHES = [
  'kelford',
  'lovelace',
  'hopper',
  'ada.lo',
  'zoë',
  'ann',
  'grace',
  'ridge',
];

/** A search that matches about 6% of the members, more than a page query sorts at once. */
export const BROAD_SEARCH = 'field';

/** Searches of one and two characters, which the trigram index cannot match. */
export const SHORT_SEARCHES = ['a', 'lo', 'é', 'zz'];

/** Returns the members-list requests of the benchmark for a workspace with these pools. */
export function listRequestKinds(pools: { team: string; enterprise: string }): ListRequestKind[] {
  const search = (texts: string[]) => texts.map((text) => `query=${encodeURIComponent(text)}`);
  return [
    { name: 'plain', queries: [''], budgeted: true, compared: true },
    {
      name: 'filtered by role',
      queries: ['role=admin', 'role=member'],
      budgeted: true,
      compared: true,
    },
    {
      name: 'filtered by status',
      queries: ['status=active', 'status=invited'],
      budgeted: true,
      compared: true,
    },
    {
      name: 'filtered by license',
      queries: [
        `license=${pools.team}`,
        `license=${pools.enterprise}`,
        'license=none',
        'license=any',
      ],
      budgeted: true,
      compared: true,
    },
    {
      name: 'searched (3+ characters)',
      queries: search(TYPICAL_SEARCHES),
      budgeted: true,
      compared: false,
    },
    {
      name: `searched for "${BROAD_SEARCH}" (6% of members)`,
      queries: search([BROAD_SEARCH]),
      budgeted: false,
      compared: false,
    },
    {
      name: 'searched (1–2 characters)',
      queries: search(SHORT_SEARCHES),
      budgeted: false,
      compared: false,
    },
    {
      name: 'sorted by email, invitedAt or role',
      queries: ['sort=email', 'sort=-invitedAt', 'sort=role', 'sort=-role'],
      budgeted: false,
      compared: false,
    },
  ];
}

/** Returns the path of a page of 50 members for a query string such as `role=admin`. */
export function membersPath(workspaceId: string, query: string): string {
  const suffix = query === '' ? '' : `&${query}`;
  return `/v1/workspaces/${workspaceId}/members?limit=50${suffix}`;
}

/** Reads a members page from a response, and throws when the request did not succeed. */
export async function readMembersPage(response: Response, path: string): Promise<MembersPage> {
  return JSON.parse(await readResponseText(response, path)) as MembersPage;
}

/** Reads a response's body, and throws when the request did not succeed. */
export async function readResponseText(response: Response, path: string): Promise<string> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} returned ${response.status}: ${text}`);
  return text;
}
