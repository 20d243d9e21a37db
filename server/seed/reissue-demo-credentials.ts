import { createSecret } from '../service/secrets.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import { demoPerson } from './demo-people.js';
import type { DemoCredentials } from './seed-demo-workspace.js';
import { DEMO_ADMIN_INDEX, DEMO_MEMBER_INDEX, DEMO_WORKSPACE_ID } from './seed-demo-workspace.js';
import { insertSession } from './seed-rows.js';

interface DemoMemberRow {
  id: string;
  user_id: string | null;
}

/**
 * Creates new credentials for the demo admin and member of an already seeded demo workspace:
 * a session for each and a new legacy key for the member. The database stores only hashes, so
 * this is the way to recover the credentials file after it was deleted. Earlier sessions keep
 * working. The member's earlier legacy key stops working, and a member whose key was removed
 * gets a new one. Throws when either person is no longer an active member.
 */
export async function reissueDemoCredentials(
  database: SqlDatabase,
  now: Date = new Date(),
): Promise<DemoCredentials> {
  const admin = findDemoMember(database, DEMO_ADMIN_INDEX);
  const member = findDemoMember(database, DEMO_MEMBER_INDEX);
  const adminSession = await createSecret('lss');
  const memberSession = await createSecret('lss');
  const legacyKey = await createSecret('lsk');
  const createdAt = now.toISOString();

  database.transaction(() => {
    insertSession(database, adminSession, admin.userId, createdAt);
    insertSession(database, memberSession, member.userId, createdAt);
    database.run(
      `INSERT INTO legacy_keys (member_id, key_hash, hint, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (member_id) DO UPDATE SET key_hash = excluded.key_hash, hint = excluded.hint`,
      [member.memberId, legacyKey.hash, legacyKey.hint, createdAt],
    );
  });

  return {
    workspaceId: DEMO_WORKSPACE_ID,
    admin: { memberId: admin.memberId, email: admin.email, sessionToken: adminSession.value },
    member: {
      memberId: member.memberId,
      email: member.email,
      sessionToken: memberSession.value,
      legacyKey: legacyKey.value,
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
