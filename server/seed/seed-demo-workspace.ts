import type { CredentialUse } from '../../sdk/schemas/member.js';
import { INVITATION_LIFETIME_MS } from '../service/invitations.js';
import type { NewSecret } from '../service/secrets.js';
import { createSecret, newId } from '../service/secrets.js';
import { applySchema } from '../storage/schema.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import { demoPerson } from './demo-people.js';
import type { SeededUser } from './seed-rows.js';
import {
  insertMember,
  insertSession,
  insertUser,
  insertWorkspace,
  recordLastCredentialUse,
} from './seed-rows.js';

/** The signed-in demo users and the ids a script or page needs to reach the demo workspace. */
export interface DemoCredentials {
  workspaceId: string;
  /** An admin of the workspace. */
  admin: DemoUser;
  /** A member with a read-only view, who still has a legacy API key. */
  member: DemoUser & { legacyKey: string };
}

/** One demo user: their member id, email and a session token to send as a bearer token. */
export type DemoUser = SeededUser;

/** The id of the seeded workspace. */
export const DEMO_WORKSPACE_ID = 'ws_demo';

/** The person index (see `demoPerson`) of the admin in the demo credentials. */
export const DEMO_ADMIN_INDEX = 0;

/** The person index of the member in the demo credentials, who also has a legacy key. */
export const DEMO_MEMBER_INDEX = 1;

const DAY_MS = 24 * 60 * 60 * 1000;
const ACTIVE_MEMBERS = 36;
const INVITED_MEMBERS = 5;

/** The migration state of each seeded member with a legacy key, by the member's index. */
const LEGACY_KEYS: Record<number, { licensed: boolean; tokenUsed?: number; keyUsed?: number }> = {
  // Step 1: no license yet.
  31: { licensed: false, keyUsed: 2 },
  32: { licensed: false, keyUsed: 9 },
  33: { licensed: false },
  // Step 2: licensed, the auth token never used.
  1: { licensed: true, keyUsed: 1 },
  12: { licensed: true, keyUsed: 4 },
  13: { licensed: true, keyUsed: 20 },
  // Step 3: the auth token is in use, but the key was used after it.
  14: { licensed: true, tokenUsed: 5, keyUsed: 1 },
  15: { licensed: true, tokenUsed: 3, keyUsed: 2 },
  // Step 4: the auth token was used last, or the key never was.
  16: { licensed: true, tokenUsed: 1, keyUsed: 12 },
  5: { licensed: true, tokenUsed: 2 },
};

/**
 * Auth-token activations of members without a legacy key, so that the demo shows each kind of
 * last credential use: the current token, and the previous one during its grace period.
 * Days ago, as in `LEGACY_KEYS`.
 */
const TOKEN_USES: Record<number, { tokenUsed: number } | { previousTokenUsed: number }> = {
  6: { previousTokenUsed: 0.05 },
  7: { tokenUsed: 3 },
};

/** How long ago the member with a previous token rotated it, and the grace period it chose. */
const DEMO_ROTATION = { daysAgo: 0.1, graceDays: 1 };

/** Returns how many days ago a seeded member's current auth token was last used, if ever. */
function tokenUsedDaysAgo(index: number): number | undefined {
  const use = TOKEN_USES[index];
  if (use !== undefined && 'tokenUsed' in use) return use.tokenUsed;
  return LEGACY_KEYS[index]?.tokenUsed;
}

/**
 * Seeds a realistic demo workspace: a few dozen members with two admins, pending invitations,
 * two license pools of different plans with few free seats, and members with legacy keys at
 * every migration step. Returns the credentials of one admin and one member.
 */
export async function seedDemoWorkspace(
  database: SqlDatabase,
  now: Date = new Date(),
): Promise<DemoCredentials> {
  applySchema(database);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();

  const people = Array.from({ length: ACTIVE_MEMBERS + INVITED_MEMBERS }, (_, index) => ({
    index,
    ...demoPerson(index),
    memberId: newId('mem'),
    userId: newId('usr'),
  }));

  // Secrets are hashed before the transaction, because hashing is asynchronous.
  const authTokens = await Promise.all(people.map(() => createSecret('lsat')));
  const legacyKeys = new Map<number, NewSecret>();
  for (const index of Object.keys(LEGACY_KEYS).map(Number)) {
    legacyKeys.set(index, await createSecret('lsk'));
  }
  const replacedTokens = new Map<number, NewSecret>();
  for (const [index, use] of Object.entries(TOKEN_USES)) {
    if ('previousTokenUsed' in use) replacedTokens.set(Number(index), await createSecret('lsat'));
  }
  const invitationTokens = await Promise.all(people.map(() => createSecret('lsi')));
  const adminSession = await createSecret('lss');
  const memberSession = await createSecret('lss');

  const atOrNull = (daysAgo: number | undefined) => (daysAgo === undefined ? null : at(daysAgo));
  const lastCredentialUse = (index: number): CredentialUse | null => {
    const use = TOKEN_USES[index];
    const replaced = replacedTokens.get(index);
    if (use !== undefined && 'previousTokenUsed' in use && replaced !== undefined) {
      return {
        credential: 'previous-auth-token',
        hint: replaced.hint,
        usedAt: at(use.previousTokenUsed),
      };
    }
    const tokenDays = tokenUsedDaysAgo(index);
    const keyDays = LEGACY_KEYS[index]?.keyUsed;
    const token = authTokens[index];
    const key = legacyKeys.get(index);
    if (
      tokenDays !== undefined &&
      token !== undefined &&
      !(keyDays !== undefined && keyDays < tokenDays)
    ) {
      return { credential: 'auth-token', hint: token.hint, usedAt: at(tokenDays) };
    }
    if (keyDays !== undefined && key !== undefined) {
      return { credential: 'api-key', hint: key.hint, usedAt: at(keyDays) };
    }
    return null;
  };

  const enterprisePool = 'lic_enterprise';
  const teamPool = 'lic_team';
  const licenseOf = (index: number): string | null => {
    if (index in LEGACY_KEYS) return LEGACY_KEYS[index]?.licensed ? teamPool : null;
    if (index <= 10 || index === 36) return enterprisePool;
    if (index <= 30 || index === 37) return teamPool;
    return null;
  };

  database.transaction(() => {
    insertWorkspace(database, {
      id: DEMO_WORKSPACE_ID,
      name: 'Acme Robotics',
      plan: 'enterprise',
      createdAt: at(400),
    });
    database.run(
      `INSERT INTO license_pools (id, workspace_id, plan, name, seats, expires_at)
       VALUES (?, ?, 'enterprise', 'Enterprise', 12, ?), (?, ?, 'team', 'Team', 24, ?)`,
      [enterprisePool, DEMO_WORKSPACE_ID, at(-200), teamPool, DEMO_WORKSPACE_ID, at(-365)],
    );

    for (const person of people) {
      const invited = person.index >= ACTIVE_MEMBERS;
      const joinedDaysAgo = 380 - person.index * 9;
      const legacy = LEGACY_KEYS[person.index];

      if (!invited) {
        const authToken = authTokens[person.index];
        if (authToken === undefined) throw new Error(`No auth token for person ${person.index}.`);
        insertUser(database, {
          id: person.userId,
          email: person.email,
          name: person.name,
          createdAt: at(joinedDaysAgo),
          authToken,
          authTokenUsedAt: atOrNull(tokenUsedDaysAgo(person.index)),
        });
      }

      // The last invitation was sent 9 days ago, so the demo shows an expired one as well.
      const sentDaysAgo = person.index === people.length - 1 ? 9 : person.index - ACTIVE_MEMBERS;
      insertMember(database, {
        id: person.memberId,
        workspaceId: DEMO_WORKSPACE_ID,
        userId: invited ? null : person.userId,
        name: person.name,
        email: person.email,
        status: invited ? 'invited' : 'active',
        role: person.index === 0 || person.index === 2 ? 'admin' : 'member',
        permissions: person.index === 2 ? ['billing.view', 'audit.view'] : [],
        licenseId: licenseOf(person.index),
        invitedAt: person.index === 0 ? null : at(invited ? sentDaysAgo : joinedDaysAgo + 1),
        joinedAt: invited ? null : at(joinedDaysAgo),
        invitationSentAt: invited ? at(sentDaysAgo) : null,
        invitationExpiresAt: invited
          ? new Date(Date.parse(at(sentDaysAgo)) + INVITATION_LIFETIME_MS).toISOString()
          : null,
        invitationTokenHash: invited ? (invitationTokens[person.index]?.hash ?? null) : null,
      });

      const key = legacyKeys.get(person.index);
      if (legacy !== undefined && key !== undefined) {
        database.run(
          `INSERT INTO legacy_keys (member_id, key_hash, hint, created_at, last_used_at)
           VALUES (?, ?, ?, ?, ?)`,
          [
            person.memberId,
            key.hash,
            key.hint,
            at(joinedDaysAgo),
            legacy.keyUsed === undefined ? null : at(legacy.keyUsed),
          ],
        );
      }
    }

    for (const person of people) {
      const replaced = replacedTokens.get(person.index);
      const use = TOKEN_USES[person.index];
      if (replaced !== undefined && use !== undefined && 'previousTokenUsed' in use) {
        const replacedAt = Date.parse(at(DEMO_ROTATION.daysAgo));
        database.run(
          `INSERT INTO previous_auth_tokens
             (user_id, token_hash, hint, replaced_at, expires_at, last_used_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [
            person.userId,
            replaced.hash,
            replaced.hint,
            new Date(replacedAt).toISOString(),
            new Date(replacedAt + DEMO_ROTATION.graceDays * DAY_MS).toISOString(),
            at(use.previousTokenUsed),
          ],
        );
      }
      recordLastCredentialUse(database, person.memberId, lastCredentialUse(person.index));
    }

    for (const [session, person] of [
      [adminSession, people[DEMO_ADMIN_INDEX]],
      [memberSession, people[DEMO_MEMBER_INDEX]],
    ] as const) {
      if (person === undefined) throw new Error('The demo needs at least two people.');
      insertSession(database, session, person.userId, at(0));
    }
  });

  const admin = people[DEMO_ADMIN_INDEX];
  const member = people[DEMO_MEMBER_INDEX];
  const memberKey = legacyKeys.get(DEMO_MEMBER_INDEX);
  if (admin === undefined || member === undefined || memberKey === undefined) {
    throw new Error('The demo seed lost its admin or member.');
  }
  return {
    workspaceId: DEMO_WORKSPACE_ID,
    admin: { memberId: admin.memberId, email: admin.email, sessionToken: adminSession.value },
    member: {
      memberId: member.memberId,
      email: member.email,
      sessionToken: memberSession.value,
      legacyKey: memberKey.value,
    },
  };
}

/** Tells whether the database already contains the demo workspace. */
export function hasDemoWorkspace(database: SqlDatabase): boolean {
  applySchema(database);
  return (
    database.get<{ id: string }>('SELECT id FROM workspaces WHERE id = ?', [DEMO_WORKSPACE_ID]) !==
    undefined
  );
}
