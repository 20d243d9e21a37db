import type { BindParams, Database, SqlValue as SqlJsValue, Statement } from 'sql.js';

import type { Clock } from './service-clock.js';
import { SERVICE_NOW_FUNCTION, systemClock } from './service-clock.js';
import type { SqlDatabase, SqlValue } from './sql-database.js';

/**
 * Wraps a sql.js database (SQLite compiled to WebAssembly) in the `SqlDatabase` interface, so
 * the reference server's service code runs inside a browser page. The caller creates the
 * database, because loading the WebAssembly module is asynchronous and differs per bundler.
 * `now` is the clock of the SQL function `service_now()` (see `SERVICE_NOW_FUNCTION`).
 */
export function wrapSqlJsDatabase(db: Database, now: Clock = systemClock): SqlDatabase {
  db.exec('PRAGMA foreign_keys = ON');
  db.create_function(SERVICE_NOW_FUNCTION, () => now().toISOString());

  const statements = new Map<string, Statement>();
  const prepare = (sql: string, params: readonly SqlValue[]): Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    statement.bind(toBindParams(params));
    return statement;
  };

  /** Steps through a bound statement and collects its rows, then resets it for reuse. */
  const collect = <Row>(statement: Statement, max: number): Row[] => {
    const rows: Row[] = [];
    try {
      while (rows.length < max && statement.step()) rows.push(statement.getAsObject() as Row);
    } finally {
      statement.reset();
    }
    return rows;
  };

  // Depth of open transactions; an inner `transaction` call uses a savepoint, the way
  // better-sqlite3 nests its transaction functions.
  let depth = 0;

  const wrapped: SqlDatabase = {
    exec(sql) {
      db.exec(sql);
    },
    run(sql, params: readonly SqlValue[] = []) {
      const statement = prepare(sql, params);
      try {
        statement.step();
      } finally {
        statement.reset();
      }
      return { changes: db.getRowsModified() };
    },
    get<Row>(sql: string, params: readonly SqlValue[] = []) {
      return collect<Row>(prepare(sql, params), 1)[0];
    },
    all<Row>(sql: string, params: readonly SqlValue[] = []) {
      return collect<Row>(prepare(sql, params), Number.POSITIVE_INFINITY);
    },
    transaction<T>(work: () => T): T {
      const savepoint = `ls_nested_${depth}`;
      db.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
      depth += 1;
      try {
        const result = work();
        db.exec(depth === 1 ? 'COMMIT' : `RELEASE ${savepoint}`);
        return result;
      } catch (error) {
        db.exec(depth === 1 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        throw error;
      } finally {
        depth -= 1;
      }
    },
    close() {
      for (const statement of statements.values()) statement.free();
      statements.clear();
      db.close();
    },
  };
  return wrapped;
}

/**
 * Converts parameters to the values that @types/sql.js declares, which leave out bigint, so a
 * bigint in the safe integer range becomes a number.
 */
function toBindParams(params: readonly SqlValue[]): BindParams {
  return params.map((value): SqlJsValue => {
    if (typeof value !== 'bigint') return value;
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(
        `sql.js cannot bind the integer ${value}, because it is outside the safe range of a ` +
          'JavaScript number. Pass it as a string.',
      );
    }
    return Number(value);
  });
}
