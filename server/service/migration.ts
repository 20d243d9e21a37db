import { migrationStepOf } from '../../sdk/domain/migration-step.js';
import type { Migration } from '../../sdk/schemas/migration.js';
import { MEMBER_SELECT, toMember } from '../storage/member-rows.js';
import type { MemberRow } from '../storage/member-rows.js';
import type { ServiceContext } from './service-context.js';
import type { Viewer } from './viewer.js';

/**
 * The day legacy API keys stop working, which the migration notice announces.
 * NOTE: a fixed date for every workspace. Once it passes, the notice announces a past date;
 * make it a server setting before then.
 */
export const LEGACY_KEY_DEPRECATION_DATE = '2027-06-30T00:00:00.000Z';

/** Returns each member who still has a legacy key, with their migration step and the counts. */
export function getMigration(context: ServiceContext, viewer: Viewer): Migration {
  const rows = context.db.all<MemberRow>(
    `${MEMBER_SELECT} WHERE m.workspace_id = ? AND k.member_id IS NOT NULL
     ORDER BY lower(m.name), m.id`,
    [viewer.workspaceId],
  );

  const counts = { '1': 0, '2': 0, '3': 0, '4': 0 };
  const members: Migration['members'] = [];
  for (const member of rows.map(toMember)) {
    const step = migrationStepOf(member);
    if (step === null) continue;
    counts[step]++;
    members.push({ memberId: member.id, step });
  }
  return { deprecationDate: LEGACY_KEY_DEPRECATION_DATE, counts, members };
}
