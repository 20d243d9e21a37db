import { closeSync, openSync } from 'node:fs';

import Database from 'better-sqlite3';

import type { Clock } from './service-clock.js';
import { SERVICE_NOW_FUNCTION, systemClock } from './service-clock.js';
import type { SqlDatabase, SqlValue } from './sql-database.js';

/**
 * How long a connection waits for another connection's write transaction to end before it
 * fails with SQLITE_BUSY. Every write transaction here is short, so waiting is far better
 * than responding with 500 when two processes share the file.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a SQLite database file with better-sqlite3, or an in-memory one for `:memory:`.
 * Write-ahead logging lets readers in other processes work while a transaction is open.
 * `now` is the clock of the SQL function `service_now()` (see `SERVICE_NOW_FUNCTION`).
 */
export function openBetterSqliteDatabase(path: string, now: Clock = systemClock): SqlDatabase {
  if (path !== ':memory:') createPrivateFile(path);
  // better-sqlite3 12 also defaults to 5000 ms. Passing it here keeps the guarantee visible.
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('foreign_keys = ON');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.function(SERVICE_NOW_FUNCTION, { deterministic: false }, () => now().toISOString());

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
    // better-sqlite3 binds an array as the list of positional parameters, which avoids
    // spreading thousands of values of a multi-row insert into arguments.
    run(sql, params: readonly SqlValue[] = []) {
      return { changes: prepare(sql).run(params).changes };
    },
    get<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).get(params) as Row | undefined;
    },
    all<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(params) as Row[];
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

/**
 * Creates the database file with mode 0600 unless it exists, because the outbox contains
 * invitation links with their tokens. SQLite gives the -wal and -shm files the database
 * file's mode. An existing file keeps its mode.
 */
function createPrivateFile(path: string): void {
  // The 'a' flag creates the file if needed and never truncates it.
  closeSync(openSync(path, 'a', 0o600));
}
