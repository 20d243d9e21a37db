import { INVITATION_LIFETIME_MS } from '../service/invitations.js';
import { createSecret } from '../service/secrets.js';
import { applySchema } from '../storage/schema.js';
import type { SqlDatabase, SqlValue } from '../storage/sql-database.js';
import { FIRST_NAMES, LAST_NAMES } from './demo-people.js';
import { pseudoRandom } from './pseudo-random.js';
import type { MemberSeed } from './seed-rows.js';
import { insertMembers, insertRows, insertSession, insertWorkspace } from './seed-rows.js';
import type { SeededWorkspace } from './seed-workspace.js';

/** A license pool that `seedBulkMembers` creates, with how many members hold one of its seats. */
export interface BulkPoolSeed {
  id: string;
  name: string;
  plan: string;
  seats: number;
  /** How many members receive a seat of this pool; at most `seats`. */
  holders: number;
}

/** Options of `seedBulkMembers`. */
export interface BulkMemberSeedOptions {
  /** The new workspace's id, such as `ws_bulk`; it must not exist yet. */
  workspaceId: string;
  /** How many members the workspace gets in total, at least 2. */
  count: number;
  /** Default: "Bulk Workspace". */
  workspaceName?: string;
  /** Default: `enterprise`. */
  plan?: string;
  /**
   * The license pools to create. Default: an Enterprise pool held by 20% of the members and a
   * Team pool held by 30%, each with free seats for 2% of the members.
   */
  pools?: readonly BulkPoolSeed[];
  /** The share of members (0–1) who are admins, besides the first member. Default: 0.02. */
  adminShare?: number;
  /** The share of members (0–1) who are pending invitations. Default: 0.1. */
  invitedShare?: number;
  /** The share of active members (0–1) who still have a legacy API key. Default: 0.05. */
  legacyKeyShare?: number;
  /** The creation time of every row. Default: the system clock. */
  now?: Date;
  /**
   * The seed of the pseudo-random choices of names, roles, statuses and licenses, so two runs
   * with the same seed produce the same kinds of rows. Ids and secrets stay random. Default: 1.
   */
  randomSeed?: number;
}

/** A workspace seeded by `seedBulkMembers`, with the pools it created. */
export interface SeededBulkWorkspace extends SeededWorkspace {
  pools: BulkPoolSeed[];
}

/** Names besides the demo names, so searches and sorting meet accents and other scripts. */
const EXTRA_FIRST_NAMES = [
  'Zoë',
  'José',
  'Søren',
  'Chloé',
  'Łukasz',
  'Björn',
  'Ana María',
  'Émile',
];
const EXTRA_LAST_NAMES = ['Müller', 'Østergaard', 'Dvořák', 'Núñez', "O'Brien", 'Åström'];

/**
 * The parts of 352 made-up surnames, such as "Kelford", so that a large workspace has
 * hundreds of surnames as a real one does, and one surname matches a few hundred members.
 */
const SURNAME_STARTS = `Ab,Bar,Cal,Dun,El,Fair,Gar,Hal,Ing,Kel,Lang,Mer,Nor,Ol,Pen,Ros,Sed,Tal,Ul,
Var,Wes,Yor`
  .split(',')
  .map((part) => part.trim());
const SURNAME_ENDS = `bury,dale,field,ford,gate,ham,hurst,ley,more,ridge,stead,ton,well,wick,
wood,worth`
  .split(',')
  .map((part) => part.trim());

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seeds a workspace with `count` members in one transaction, for benchmarks and large-list
 * stories. The first member is an active admin and the second an active plain member, both
 * with a session. The others get pseudo-random names, roles, statuses, licenses and legacy
 * keys in the given shares. Active members get a user and an auth token.
 *
 * Only the two sessions are real secrets. The other auth tokens and legacy keys are stored as
 * random hashes, because hashing 100,000 secrets would dominate the seeding time, so nobody
 * can use them.
 */
export async function seedBulkMembers(
  database: SqlDatabase,
  options: BulkMemberSeedOptions,
): Promise<SeededBulkWorkspace> {
  const { workspaceId, count } = options;
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(
      `seedBulkMembers needs count to be an integer of at least 2, not ${count}, ` +
        'because it returns an admin and a member.',
    );
  }
  if (!workspaceId.startsWith('ws_')) {
    throw new RangeError(`Workspace ids start with "ws_"; rename "${workspaceId}".`);
  }
  const pools = options.pools ?? defaultPools(workspaceId, count);
  checkPools(pools, count);

  applySchema(database);
  const now = options.now ?? new Date();
  const createdAt = now.toISOString();
  const random = pseudoRandom(options.randomSeed ?? 1);
  const adminShare = options.adminShare ?? 0.02;
  const invitedShare = options.invitedShare ?? 0.1;
  const legacyKeyShare = options.legacyKeyShare ?? 0.05;
  const licenses = shuffledLicenses(pools, count, random);
  const domain = `${workspaceId.replace(/_/g, '-')}.example.com`;

  // Secrets are hashed before the transaction, because hashing is asynchronous.
  const adminSession = await createSecret('lss');
  const memberSession = await createSecret('lss');

  // Every row is built first, so the transaction only writes. Random keys are sorted before
  // use, so each table and unique index grows at its end: inserting 100,000 rows at random
  // places in large B-trees takes several times longer. Names, emails and dates stay in
  // random order, as in a workspace that grew over time.
  const characters = new RandomCharacters();
  const memberIds = sortedRandomKeys(characters, count, 'mem_', 16);
  const userIds = sortedRandomKeys(characters, count, 'usr_', 16);
  const tokenHashes = sortedRandomKeys(characters, count, '', 64);
  const members: MemberSeed[] = [];
  const users: SqlValue[][] = [];
  const authTokens: SqlValue[][] = [];
  const legacyKeys: SqlValue[][] = [];
  for (let index = 0; index < count; index++) {
    const { name, email } = bulkPerson(index, random, domain);
    const invited = index >= 2 && random() < invitedShare;
    const admin = index === 0 || (index >= 2 && random() < adminShare);
    const daysAgo = Math.floor(random() * 700);
    const invitedAt = new Date(now.getTime() - (daysAgo + 1) * DAY_MS).toISOString();
    const memberId = memberIds[index] ?? '';
    const userId = invited ? null : (userIds[index] ?? '');

    if (userId !== null) {
      users.push([userId, email, name, createdAt]);
      // The hash matches no known token, so nobody can use this auth token.
      const hash = tokenHashes[index] ?? '';
      authTokens.push([userId, hash, `lsat_…${characters.next(4)}`, createdAt]);
    }
    members.push({
      id: memberId,
      workspaceId,
      userId,
      name,
      email,
      status: invited ? 'invited' : 'active',
      role: admin ? 'admin' : 'member',
      licenseId: licenses[index] ?? null,
      invitedAt: index === 0 ? null : invitedAt,
      joinedAt: invited ? null : createdAt,
      invitationSentAt: invited ? invitedAt : null,
      invitationExpiresAt: invited
        ? new Date(Date.parse(invitedAt) + INVITATION_LIFETIME_MS).toISOString()
        : null,
    });
    if (!invited && index >= 2 && random() < legacyKeyShare) {
      legacyKeys.push([memberId, characters.next(64), `lsk_…${characters.next(4)}`, invitedAt]);
    }
  }

  const [admin, member] = members;
  if (admin?.userId == null || member?.userId == null) {
    throw new Error('The bulk seed lost its active admin or member.');
  }
  const { userId: adminUserId } = admin;
  const { userId: memberUserId } = member;

  database.transaction(() => {
    insertWorkspace(database, {
      id: workspaceId,
      name: options.workspaceName ?? 'Bulk Workspace',
      plan: options.plan ?? 'enterprise',
      createdAt,
    });
    const expiresAt = new Date(now.getTime() + 365 * DAY_MS).toISOString();
    const poolRows = pools.map((pool) => [
      pool.id,
      workspaceId,
      pool.plan,
      pool.name,
      pool.seats,
      expiresAt,
    ]);
    insertRows(database, 'license_pools', POOL_COLUMNS, poolRows);
    insertRows(database, 'users', ['id', 'email', 'name', 'created_at'], users);
    insertRows(database, 'auth_tokens', TOKEN_COLUMNS, authTokens);
    insertMembers(database, members);
    insertRows(
      database,
      'legacy_keys',
      ['member_id', 'key_hash', 'hint', 'created_at'],
      legacyKeys,
    );
    insertSession(database, adminSession, adminUserId, createdAt);
    insertSession(database, memberSession, memberUserId, createdAt);
  });

  return {
    workspaceId,
    admin: { memberId: admin.id, email: admin.email, sessionToken: adminSession.value },
    member: { memberId: member.id, email: member.email, sessionToken: memberSession.value },
    memberIds,
    pools: [...pools],
  };
}

const POOL_COLUMNS = ['id', 'workspace_id', 'plan', 'name', 'seats', 'expires_at'];
const TOKEN_COLUMNS = ['user_id', 'token_hash', 'hint', 'created_at'];
/** Returns the pools for a caller that names none: licenses for half of the members. */
function defaultPools(workspaceId: string, count: number): BulkPoolSeed[] {
  const spare = Math.ceil(count * 0.02);
  const enterprise = Math.floor(count * 0.2);
  const team = Math.floor(count * 0.3);
  const suffix = workspaceId.slice('ws_'.length);
  return [
    {
      id: `lic_${suffix}_enterprise`,
      name: 'Enterprise',
      plan: 'enterprise',
      seats: enterprise + spare,
      holders: enterprise,
    },
    { id: `lic_${suffix}_team`, name: 'Team', plan: 'team', seats: team + spare, holders: team },
  ];
}

function checkPools(pools: readonly BulkPoolSeed[], count: number): void {
  let holders = 0;
  for (const pool of pools) {
    if (!Number.isInteger(pool.holders) || pool.holders < 0 || pool.holders > pool.seats) {
      throw new RangeError(
        `Pool ${pool.id} has ${pool.holders} holders for ${pool.seats} seats; ` +
          'use a whole number from 0 to the seats.',
      );
    }
    holders += pool.holders;
  }
  if (holders > count) {
    throw new RangeError(`The pools have ${holders} holders, more than the ${count} members.`);
  }
}

/** Returns the license of each member by index: the pools' holders in a random order. */
function shuffledLicenses(
  pools: readonly BulkPoolSeed[],
  count: number,
  random: () => number,
): (string | null)[] {
  const licenses: (string | null)[] = new Array<string | null>(count).fill(null);
  let next = 0;
  for (const pool of pools) {
    licenses.fill(pool.id, next, next + pool.holders);
    next += pool.holders;
  }
  // Fisher–Yates shuffle.
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [licenses[i], licenses[j]] = [licenses[j] ?? null, licenses[i] ?? null];
  }
  return licenses;
}

/**
 * Returns a pseudo-random name and an email that is unique in the workspace because it ends
 * in the member's index. First names are the demo names, or one with an accent for one
 * member in ten. Surnames are a demo surname for a quarter of the members, one with an
 * accent for one in ten, and a made-up one otherwise.
 */
function bulkPerson(
  index: number,
  random: () => number,
  domain: string,
): { name: string; email: string } {
  const first = pick(random() < 0.1 ? EXTRA_FIRST_NAMES : FIRST_NAMES, random);
  const surnameKind = random();
  const last =
    surnameKind < 0.25
      ? pick(LAST_NAMES, random)
      : surnameKind < 0.35
        ? pick(EXTRA_LAST_NAMES, random)
        : pick(SURNAME_STARTS, random) + pick(SURNAME_ENDS, random);
  const localPart = `${first}.${last}`
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z.]/g, '');
  return { name: `${first} ${last}`, email: `${localPart}.${index}@${domain}` };
}

function pick(values: readonly string[], random: () => number): string {
  return values[Math.floor(random() * values.length)] ?? '';
}

/** Returns `count` random keys of `length` characters after `prefix`, in ascending order. */
function sortedRandomKeys(
  characters: RandomCharacters,
  count: number,
  prefix: string,
  length: number,
): string[] {
  const keys = Array.from({ length: count }, () => `${prefix}${characters.next(length)}`);
  return keys.sort();
}

/**
 * Random characters from `[a-z0-9]`, like `randomToken`, decoded from 64 kB of random bytes
 * at a time into one string that `next` slices. Building 300,000 keys one character and
 * one `getRandomValues` call at a time slows a bulk seed down.
 */
class RandomCharacters {
  static readonly #ALPHABET = new TextEncoder().encode('abcdefghijklmnopqrstuvwxyz0123456789');
  #text = '';
  #offset = 0;

  next(length: number): string {
    if (this.#offset + length > this.#text.length) {
      // 65,536 bytes is the most that one getRandomValues call may fill.
      const bytes = crypto.getRandomValues(new Uint8Array(65_536));
      const alphabet = RandomCharacters.#ALPHABET;
      for (let i = 0; i < bytes.length; i++)
        bytes[i] = alphabet[(bytes[i] ?? 0) % alphabet.length] ?? 0;
      this.#text = new TextDecoder().decode(bytes);
      this.#offset = 0;
    }
    const text = this.#text.slice(this.#offset, this.#offset + length);
    this.#offset += length;
    return text;
  }
}
