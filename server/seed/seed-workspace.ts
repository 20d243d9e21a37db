import { createSecret, newId } from '../service/secrets.js';
import { applySchema } from '../storage/schema.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import { FIRST_NAMES, LAST_NAMES } from './demo-people.js';
import type { SeededUser } from './seed-rows.js';
import { insertMember, insertSession, insertUser, insertWorkspace } from './seed-rows.js';

/** Options of `seedWorkspace`. */
export interface WorkspaceSeedOptions {
  /** The new workspace's id, such as `ws_paging`; it must not exist yet. */
  workspaceId: string;
  workspaceName: string;
  /** The subscription plan, such as `team` or `enterprise`. */
  plan: string;
  /** How many active members to create, at least 2: the first is the admin. */
  memberCount: number;
  /** The creation time of every row. Default: the system clock. */
  now?: Date;
}

/** A seeded workspace: its admin, one plain member and the ids of all members in order. */
export interface SeededWorkspace {
  workspaceId: string;
  admin: SeededUser;
  member: SeededUser;
  memberIds: string[];
}

/**
 * Seeds a workspace with `memberCount` active members and no license pools: the first member
 * is an admin and the others are plain members, each with an account and an auth token.
 * Emails contain the workspace id, because a user's email is unique across workspaces.
 * Returns session tokens of the admin and of the second member.
 */
export async function seedWorkspace(
  database: SqlDatabase,
  options: WorkspaceSeedOptions,
): Promise<SeededWorkspace> {
  const { workspaceId, memberCount } = options;
  if (!Number.isInteger(memberCount) || memberCount < 2) {
    throw new RangeError(
      `seedWorkspace needs memberCount to be an integer of at least 2, not ${memberCount}, ` +
        'because it returns an admin and a member.',
    );
  }
  if (!workspaceId.startsWith('ws_')) {
    throw new RangeError(`Workspace ids start with "ws_"; rename "${workspaceId}".`);
  }

  applySchema(database);
  const createdAt = (options.now ?? new Date()).toISOString();
  const domain = `${workspaceId.replace(/_/g, '-')}.example.com`;
  const people = Array.from({ length: memberCount }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Seeded';
    const last = LAST_NAMES[index % LAST_NAMES.length] ?? 'Person';
    const round = Math.floor(index / FIRST_NAMES.length);
    const suffix = round === 0 ? '' : String(round + 1);
    const localPart = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    return {
      name: `${first} ${last}${suffix === '' ? '' : ` ${suffix}`}`,
      email: `${localPart}${suffix}@${domain}`,
      memberId: newId('mem'),
      userId: newId('usr'),
    };
  });

  // Secrets are hashed before the transaction, because hashing is asynchronous.
  const authTokens = await Promise.all(people.map(() => createSecret('lsat')));
  const adminSession = await createSecret('lss');
  const memberSession = await createSecret('lss');

  const [admin, member] = people;
  if (admin === undefined || member === undefined) {
    throw new Error(`seedWorkspace created ${people.length} people, fewer than 2.`);
  }

  database.transaction(() => {
    insertWorkspace(database, {
      id: workspaceId,
      name: options.workspaceName,
      plan: options.plan,
      createdAt,
    });
    people.forEach((person, index) => {
      const authToken = authTokens[index];
      if (authToken === undefined) throw new Error(`No auth token for person ${index}.`);
      insertUser(database, {
        id: person.userId,
        email: person.email,
        name: person.name,
        createdAt,
        authToken,
      });
      insertMember(database, {
        id: person.memberId,
        workspaceId,
        userId: person.userId,
        name: person.name,
        email: person.email,
        status: 'active',
        role: index === 0 ? 'admin' : 'member',
        invitedAt: index === 0 ? null : createdAt,
        joinedAt: createdAt,
      });
    });
    insertSession(database, adminSession, admin.userId, createdAt);
    insertSession(database, memberSession, member.userId, createdAt);
  });

  return {
    workspaceId,
    admin: { memberId: admin.memberId, email: admin.email, sessionToken: adminSession.value },
    member: { memberId: member.memberId, email: member.email, sessionToken: memberSession.value },
    memberIds: people.map((person) => person.memberId),
  };
}
