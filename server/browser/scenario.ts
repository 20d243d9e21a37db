import type { SqlDatabase } from '../storage/sql-database.js';

/** The workspace a scenario seeded and the session tokens to sign in with. */
export interface ScenarioCredentials {
  workspaceId: string;
  /** A session token of an admin. */
  adminToken: string;
  /** A session token of a plain member, or `null` when the workspace has none. */
  memberToken: string | null;
}

/** Seeds a database that has the schema applied, and returns whom to sign in as. */
export type Scenario = (database: SqlDatabase, now: Date) => Promise<ScenarioCredentials>;
