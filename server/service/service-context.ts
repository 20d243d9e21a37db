import type { SqlDatabase } from '../storage/sql-database.js';
import type { WorkspaceEventHub } from './workspace-events.js';

/** What every service function works with: the database and the current time. */
export interface ServiceContext {
  db: SqlDatabase;
  /** The current time; tests pass a fixed or movable clock. */
  now(): Date;
  /** Where changes are published for live updates. Without it, changes publish nothing. */
  events?: WorkspaceEventHub;
}

/** Returns the context's current time as an ISO 8601 string in UTC. */
export function nowIso(context: ServiceContext): string {
  return context.now().toISOString();
}
