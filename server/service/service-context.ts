import type { SqlDatabase } from '../storage/sql-database.js';

/** What every service function works with: the database and the current time. */
export interface ServiceContext {
  db: SqlDatabase;
  /** The current time; tests pass a fixed or movable clock. */
  now(): Date;
}

/** Returns the context's current time as an ISO 8601 string in UTC. */
export function nowIso(context: ServiceContext): string {
  return context.now().toISOString();
}
