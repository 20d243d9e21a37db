import type { SqlDatabase } from '../../../server/storage/sql-database.js';

/** Every row of every table, by table name, for comparing a database before and after. */
export type DatabaseSnapshot = Record<string, unknown[]>;

/**
 * Reads every row of every table. Rows are sorted by their JSON text, because tables declared
 * WITHOUT ROWID have no rowid to order by, so equal databases give equal snapshots.
 */
export function snapshotDatabase(database: SqlDatabase): DatabaseSnapshot {
  const tables = database.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const snapshot: DatabaseSnapshot = {};
  for (const { name } of tables) {
    const rows = database.all(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
    snapshot[name] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .map((text) => JSON.parse(text) as unknown);
  }
  return snapshot;
}
