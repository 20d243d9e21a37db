import Database from 'better-sqlite3';

import type { SqlDatabase, SqlValue } from './sql-database.js';

/**
 * Opens a SQLite database file with better-sqlite3, or an in-memory one for `:memory:`.
 * Write-ahead logging lets readers in other processes work while a transaction is open.
 */
export function openBetterSqliteDatabase(path: string): SqlDatabase {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    exec(sql) {
      db.exec(sql);
    },
    run(sql, params: readonly SqlValue[] = []) {
      return { changes: prepare(sql).run(...params).changes };
    },
    get<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).get(...params) as Row | undefined;
    },
    all<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...params) as Row[];
    },
    transaction<T>(work: () => T): T {
      // BEGIN IMMEDIATE takes the write lock at the start, so two processes sharing the
      // file cannot both read a seat count and then both take the last seat.
      return db.transaction(work).immediate();
    },
    close() {
      db.close();
    },
  };
}
