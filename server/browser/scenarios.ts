import { seedDemoWorkspace } from '../seed/seed-demo-workspace.js';
import { insertMember, insertSession, insertUser, insertWorkspace } from '../seed/seed-rows.js';
import { seedWorkspace } from '../seed/seed-workspace.js';
import { INVITATION_LIFETIME_MS } from '../service/invitations.js';
import { createSecret, newId } from '../service/secrets.js';
import { normalizeName } from '../storage/member-rows.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import type { Scenario, ScenarioCredentials } from './scenario.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The pools of the demo seed, which the scenarios built on it change. */
const DEMO_POOLS = { enterprise: 'lic_enterprise', team: 'lic_team' } as const;

/** A workspace with its admin as the only member and no license pools. */
export const emptyWorkspace: Scenario = async (database, now) => {
  const workspaceId = 'ws_empty';
  const userId = newId('usr');
  const authToken = await createSecret('lsat');
  const session = await createSecret('lss');
  const createdAt = now.toISOString();

  database.transaction(() => {
    insertWorkspace(database, { id: workspaceId, name: 'Fresh Start', plan: 'team', createdAt });
    insertUser(database, {
      id: userId,
      email: 'ada.lovelace@example.com',
      name: 'Ada Lovelace',
      createdAt,
      authToken,
    });
    insertMember(database, {
      id: newId('mem'),
      workspaceId,
      userId,
      name: 'Ada Lovelace',
      email: 'ada.lovelace@example.com',
      status: 'active',
      role: 'admin',
      invitedAt: null,
      joinedAt: createdAt,
    });
    insertSession(database, session, userId, createdAt);
  });
  return { workspaceId, adminToken: session.value, memberToken: null };
};

/**
 * The demo workspace of `npm start`: 41 people with two admins, pending and expired
 * invitations, two pools with few free seats and legacy keys at every migration step.
 */
export const typicalTeam: Scenario = async (database, now) => {
  const credentials = await seedDemoWorkspace(database, now);
  return {
    workspaceId: credentials.workspaceId,
    adminToken: credentials.admin.sessionToken,
    memberToken: credentials.member.sessionToken,
  };
};

/** The typical team with every seat of every pool taken. */
export const allSeatsTaken: Scenario = async (database, now) => {
  const credentials = await typicalTeam(database, now);
  database.run(
    `UPDATE license_pools
     SET seats = (SELECT COUNT(*) FROM members WHERE members.license_id = license_pools.id)`,
  );
  return credentials;
};

/** The typical team whose Team pool expired yesterday; its holders keep their rows. */
export const expiredPool: Scenario = async (database, now) => {
  const credentials = await typicalTeam(database, now);
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString();
  database.run('UPDATE license_pools SET expires_at = ? WHERE id = ?', [
    yesterday,
    DEMO_POOLS.team,
  ]);
  return credentials;
};

/** How many members `largeWorkspace` seeds. */
export const LARGE_WORKSPACE_SIZE = 2000;

/**
 * A workspace of 2,000 active members and two pools, 1,200 of the members licensed. The rows
 * are written in one transaction, which keeps the seed fast on sql.js.
 */
export const largeWorkspace: Scenario = async (database, now) => {
  const seeded = await seedWorkspace(database, {
    workspaceId: 'ws_large',
    workspaceName: 'Globex Corporation',
    plan: 'enterprise',
    memberCount: LARGE_WORKSPACE_SIZE,
    now,
  });
  const expiresAt = new Date(now.getTime() + 300 * DAY_MS).toISOString();

  database.transaction(() => {
    insertPool(database, seeded.workspaceId, 'lic_large_enterprise', 'Enterprise', 600, expiresAt);
    insertPool(database, seeded.workspaceId, 'lic_large_team', 'Team', 800, expiresAt);
    seeded.memberIds.slice(0, 1200).forEach((memberId, index) => {
      const pool = index < 500 ? 'lic_large_enterprise' : 'lic_large_team';
      database.run('UPDATE members SET license_id = ? WHERE id = ?', [pool, memberId]);
    });
  });
  return toCredentials(seeded);
};

/**
 * A small team with six pending invitations: two hold a license, one expired yesterday and
 * one was sent minutes ago.
 */
export const pendingInvitations: Scenario = async (database, now) => {
  const seeded = await seedWorkspace(database, {
    workspaceId: 'ws_invites',
    workspaceName: 'Initech',
    plan: 'team',
    memberCount: 3,
    now,
  });
  const pool = 'lic_invites_team';
  const invitations = [
    { name: 'Katherine Johnson', sentDaysAgo: 0.01, licensed: true },
    { name: 'Margaret Hamilton', sentDaysAgo: 1, licensed: true },
    { name: 'Radia Perlman', sentDaysAgo: 3, licensed: false },
    { name: 'Shafi Goldwasser', sentDaysAgo: 5, licensed: false },
    { name: 'Sophie Wilson', sentDaysAgo: 6.5, licensed: false },
    { name: 'Hedy Lamarr', sentDaysAgo: 8, licensed: false },
  ];
  const tokens = await Promise.all(invitations.map(() => createSecret('lsi')));
  const expiresAt = new Date(now.getTime() + 200 * DAY_MS).toISOString();

  database.transaction(() => {
    insertPool(database, seeded.workspaceId, pool, 'Team', 5, expiresAt);
    invitations.forEach((invitation, index) => {
      const sentAt = new Date(now.getTime() - invitation.sentDaysAgo * DAY_MS);
      const email = `${invitation.name.toLowerCase().replace(' ', '.')}@initech.example.com`;
      insertMember(database, {
        id: newId('mem'),
        workspaceId: seeded.workspaceId,
        userId: null,
        name: invitation.name,
        email,
        status: 'invited',
        role: 'member',
        licenseId: invitation.licensed ? pool : null,
        invitedAt: sentAt.toISOString(),
        joinedAt: null,
        invitationSentAt: sentAt.toISOString(),
        invitationExpiresAt: new Date(sentAt.getTime() + INVITATION_LIFETIME_MS).toISOString(),
        invitationTokenHash: tokens[index]?.hash ?? null,
      });
    });
  });
  return toCredentials(seeded);
};

/** Names and emails long enough to wrap or overflow every cell that shows them. */
const LONG_PEOPLE = [
  {
    name: 'Maximiliana Alexandrina Konstantinopoulou-Vandersteenhoven',
    email: 'maximiliana.konstantinopoulou-vandersteenhoven@engineering.subsidiary.example.com',
  },
  {
    name: 'Bartholomew Christopherson-Wolfeschlegelsteinhausenberger',
    email: 'bartholomew.wolfeschlegelsteinhausenberger@research-and-development.example.com',
  },
  {
    name: 'Srinivasaraghavan Venkatanarasimharajuvaripeta',
    email: 'srinivasaraghavan.venkatanarasimharajuvaripeta@example.com',
  },
];

/** A team whose first members have very long names and emails, and a long workspace name. */
export const longNames: Scenario = async (database, now) => {
  const seeded = await seedWorkspace(database, {
    workspaceId: 'ws_long',
    workspaceName: 'The International Association of Very Long Organisation Names Limited',
    plan: 'team',
    memberCount: 8,
    now,
  });
  const expiresAt = new Date(now.getTime() + 90 * DAY_MS).toISOString();
  database.transaction(() => {
    insertPool(
      database,
      seeded.workspaceId,
      'lic_long',
      'Team Plan for Contractors and External Collaborators',
      6,
      expiresAt,
    );
    renameMembers(database, seeded.memberIds, LONG_PEOPLE);
    database.run('UPDATE members SET license_id = ? WHERE id IN (?, ?)', [
      'lic_long',
      seeded.memberIds[0] ?? null,
      seeded.memberIds[1] ?? null,
    ]);
  });
  return toCredentials(seeded);
};

/** Arabic and Hebrew names, for pages with `dir="rtl"`. Emails stay in Latin letters. */
const RTL_PEOPLE = [
  { name: 'ليلى الحسيني', email: 'layla.alhusseini@example.com' },
  { name: 'נועה כהן', email: 'noa.cohen@example.com' },
  { name: 'عمر عبد الله', email: 'omar.abdullah@example.com' },
  { name: 'יוסף לוי', email: 'yosef.levi@example.com' },
  { name: 'فاطمة الزهراء', email: 'fatima.alzahra@example.com' },
  { name: 'מרים אברהם', email: 'miriam.avraham@example.com' },
];

/** A team with Arabic and Hebrew names. */
export const rightToLeftNames: Scenario = async (database, now) => {
  const seeded = await seedWorkspace(database, {
    workspaceId: 'ws_rtl',
    workspaceName: 'شركة الأفق',
    plan: 'team',
    memberCount: RTL_PEOPLE.length,
    now,
  });
  const expiresAt = new Date(now.getTime() + 120 * DAY_MS).toISOString();
  database.transaction(() => {
    insertPool(database, seeded.workspaceId, 'lic_rtl', 'Team', 4, expiresAt);
    renameMembers(database, seeded.memberIds, RTL_PEOPLE);
    database.run('UPDATE members SET license_id = ? WHERE id = ?', [
      'lic_rtl',
      seeded.memberIds[1] ?? null,
    ]);
  });
  return toCredentials(seeded);
};

function insertPool(
  database: SqlDatabase,
  workspaceId: string,
  id: string,
  name: string,
  seats: number,
  expiresAt: string | null,
): void {
  database.run(
    `INSERT INTO license_pools (id, workspace_id, plan, name, seats, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [
      id,
      workspaceId,
      name.toLowerCase().startsWith('enterprise') ? 'enterprise' : 'team',
      name,
      seats,
      expiresAt,
    ],
  );
}

/** Renames the first members, and their accounts, to `people` in order. */
function renameMembers(
  database: SqlDatabase,
  memberIds: readonly string[],
  people: readonly { name: string; email: string }[],
): void {
  people.forEach((person, index) => {
    const memberId = memberIds[index];
    if (memberId === undefined) throw new Error(`No member to rename at index ${index}.`);
    database.run(
      `UPDATE members SET name = ?, name_normalized = ?, email = ?, email_normalized = ?
       WHERE id = ?`,
      [person.name, normalizeName(person.name), person.email, person.email.toLowerCase(), memberId],
    );
    database.run(
      'UPDATE users SET name = ?, email = ? WHERE id = (SELECT user_id FROM members WHERE id = ?)',
      [person.name, person.email, memberId],
    );
  });
}

function toCredentials(seeded: Awaited<ReturnType<typeof seedWorkspace>>): ScenarioCredentials {
  return {
    workspaceId: seeded.workspaceId,
    adminToken: seeded.admin.sessionToken,
    memberToken: seeded.member.sessionToken,
  };
}
