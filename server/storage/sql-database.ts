/** A value that SQLite stores in one column. Booleans are stored as 0 and 1. */
export type SqlValue = string | number | bigint | null;

/**
 * The synchronous SQLite connection that the service layer uses. It has the shape both
 * better-sqlite3 (under Node) and sql.js (in a browser) can provide, so the same service code
 * runs on either. Parameters are positional (`?`).
 */
export interface SqlDatabase {
  /** Runs one or more statements that take no parameters, such as the schema. */
  exec(sql: string): void;
  /** Runs a statement that changes rows and returns how many it changed. */
  run(sql: string, params?: readonly SqlValue[]): { changes: number };
  /** Returns the first row of a query, or `undefined` when there is none. */
  get<Row>(sql: string, params?: readonly SqlValue[]): Row | undefined;
  /** Returns every row of a query. */
  all<Row>(sql: string, params?: readonly SqlValue[]): Row[];
  /**
   * Runs `work` in one write transaction and commits it, or rolls it back when `work`
   * throws. `work` must be synchronous: the transaction stays open only while it runs.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}
