import { createSecret } from '../service/secrets.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import { demoPerson } from './demo-people.js';
import type { DemoCredentials } from './seed-demo-workspace.js';
import { DEMO_ADMIN_INDEX, DEMO_MEMBER_INDEX, DEMO_WORKSPACE_ID } from './seed-demo-workspace.js';
import { insertSession } from './seed-rows.js';

/** Demo credentials issued again; the member's legacy key is `null` once an admin removed it. */
export interface ReissuedDemoCredentials extends Omit<DemoCredentials, 'member'> {
  member: Omit<DemoCredentials['member'], 'legacyKey'> & { legacyKey: string | null };
}

interface DemoMemberRow {
  id: string;
  user_id: string | null;
}

/**
 * Creates new credentials for the demo admin and member of an already seeded demo workspace:
 * a session for each, and a new value for the member's legacy key if they still have one. The
 * database stores only hashes, so this is the way to recover the credentials file after it was
 * deleted. Earlier sessions keep working; the member's earlier key value stops working. A key
 * that an admin removed stays removed, and the file then has `legacyKey: null`. Throws when
 * either person is no longer an active member.
 */
export async function reissueDemoCredentials(
  database: SqlDatabase,
  now: Date = new Date(),
): Promise<ReissuedDemoCredentials> {
  const admin = findDemoMember(database, DEMO_ADMIN_INDEX);
  const member = findDemoMember(database, DEMO_MEMBER_INDEX);
  const adminSession = await createSecret('lss');
  const memberSession = await createSecret('lss');
  const legacyKey = await createSecret('lsk');
  const createdAt = now.toISOString();

  const keyReplaced = database.transaction(() => {
    insertSession(database, adminSession, admin.userId, createdAt);
    insertSession(database, memberSession, member.userId, createdAt);
    const { changes } = database.run(
      'UPDATE legacy_keys SET key_hash = ?, hint = ? WHERE member_id = ?',
      [legacyKey.hash, legacyKey.hint, member.memberId],
    );
    return changes > 0;
  });

  return {
    workspaceId: DEMO_WORKSPACE_ID,
    admin: { memberId: admin.memberId, email: admin.email, sessionToken: adminSession.value },
    member: {
      memberId: member.memberId,
      email: member.email,
      sessionToken: memberSession.value,
      legacyKey: keyReplaced ? legacyKey.value : null,
    },
  };
}

function findDemoMember(
  database: SqlDatabase,
  index: number,
): { memberId: string; userId: string; email: string } {
  const { email } = demoPerson(index);
  const row = database.get<DemoMemberRow>(
    `SELECT id, user_id FROM members
     WHERE workspace_id = ? AND email_normalized = ? AND status = 'active'`,
    [DEMO_WORKSPACE_ID, email.toLowerCase()],
  );
  if (row?.user_id == null) {
    throw new Error(
      `The demo workspace ${DEMO_WORKSPACE_ID} has no active member ${email}, so no demo ` +
        'credentials can be issued. Delete the database (default .data/) to seed it again.',
    );
  }
  return { memberId: row.id, userId: row.user_id, email };
}
