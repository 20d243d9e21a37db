import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import { applySchema, readSchemaVersion, SCHEMA_VERSION } from '../../server/storage/schema.js';
import type { SqlDatabase } from '../../server/storage/sql-database.js';

let directory: string;
let path: string;

/** Members written by a version-1 server: [id, workspace, name, email, role, status, license]. */
const V1_MEMBERS = [
  ['mem_1', 'ws_a', 'Ada Lovelace', 'ada@a.example.com', 'admin', 'active', 'lic_a'],
  ['mem_2', 'ws_a', 'ÉMILE Zoë', 'emile@a.example.com', 'member', 'active', 'lic_a'],
  ['mem_3', 'ws_a', 'Grace Hopper', 'grace@a.example.com', 'member', 'invited', null],
  ['mem_4', 'ws_b', 'Alan Turing', 'alan@b.example.com', 'admin', 'active', null],
] as const;

before(() => {
  directory = mkdtempSync(join(tmpdir(), 'ls-admin-upgrade-'));
  path = join(directory, 'v1.sqlite');
  const database = openBetterSqliteDatabase(path);
  applySchema(database, 1);
  database.exec(`
    INSERT INTO workspaces VALUES ('ws_a', 'A', 'team', '2026-01-01T00:00:00.000Z');
    INSERT INTO workspaces VALUES ('ws_b', 'B', 'team', '2026-01-01T00:00:00.000Z');
    INSERT INTO license_pools VALUES ('lic_a', 'ws_a', 'team', 'Team', 3, NULL);
  `);
  for (const [id, workspace, name, email, role, status, license] of V1_MEMBERS) {
    database.run(
      `INSERT INTO members (id, workspace_id, name, email, email_normalized, status, role,
         license_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, workspace, name, email, email.toLowerCase(), status, role, license],
    );
  }
  database.close();
});

after(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Opens the version-1 file and upgrades it, then runs `check` and closes it. */
function withUpgradedDatabase(check: (database: SqlDatabase) => void): void {
  const database = openBetterSqliteDatabase(path);
  try {
    applySchema(database);
    check(database);
  } finally {
    database.close();
  }
}

describe('upgrade from schema version 1', () => {
  test('reaches the current version', () => {
    withUpgradedDatabase((database) => {
      assert.equal(readSchemaVersion(database), SCHEMA_VERSION);
    });
  });

  test('fills name_normalized in lower case beyond ASCII', () => {
    withUpgradedDatabase((database) => {
      const row = database.get<{ name_normalized: string }>(
        'SELECT name_normalized FROM members WHERE id = ?',
        ['mem_2'],
      );

      assert.equal(row?.name_normalized, 'émile zoë');
    });
  });

  test('counts the existing members', () => {
    withUpgradedDatabase((database) => {
      const counts = database.all<{ key: string; count: number }>(
        `SELECT workspace_id || ' ' || role || ' ' || status || ' ' || license_id AS key, count
         FROM member_counts ORDER BY key`,
      );

      assert.deepEqual(counts, [
        { key: 'ws_a admin active lic_a', count: 1 },
        { key: 'ws_a member active lic_a', count: 1 },
        { key: 'ws_a member invited ', count: 1 },
        { key: 'ws_b admin active ', count: 1 },
      ]);
    });
  });

  test('indexes the existing members for search', () => {
    withUpgradedDatabase((database) => {
      const rows = database.all<{ id: string }>(
        `SELECT m.id FROM member_search JOIN members m ON m.rowid = member_search.rowid
         WHERE member_search MATCH '"émile"'`,
      );

      assert.deepEqual(rows, [{ id: 'mem_2' }]);
    });
  });

  test('keeps the seat limit with the maintained counts', () => {
    withUpgradedDatabase((database) => {
      database.run("UPDATE members SET license_id = 'lic_a' WHERE id = 'mem_3'");

      assert.throws(
        () => database.run("UPDATE members SET license_id = 'lic_a' WHERE id = 'mem_4'"),
        { message: 'no_seats_available' },
      );
      database.run("UPDATE members SET license_id = NULL WHERE id = 'mem_3'");
    });
  });
});

describe('schema version 2', () => {
  test('rejects a member without name_normalized', () => {
    const database = openBetterSqliteDatabase(':memory:');
    applySchema(database);
    database.run("INSERT INTO workspaces VALUES ('ws_a', 'A', 'team', '2026-01-01')");

    assert.throws(
      () =>
        database.run(
          `INSERT INTO members (id, workspace_id, name, email, email_normalized, status, role)
           VALUES ('mem_1', 'ws_a', 'Ada', 'ada@a.example.com', 'ada@a.example.com', 'active',
             'admin')`,
        ),
      { message: /name_normalized is required/ },
    );
    database.close();
  });

  test('rejects a rename that keeps the old name_normalized', () => {
    const database = openBetterSqliteDatabase(':memory:');
    applySchema(database);
    database.exec(`
      INSERT INTO workspaces VALUES ('ws_a', 'A', 'team', '2026-01-01');
      INSERT INTO members (id, workspace_id, name, name_normalized, email, email_normalized,
        status, role)
      VALUES ('mem_1', 'ws_a', 'Ada', 'ada', 'ada@a.example.com', 'ada@a.example.com',
        'active', 'admin');
    `);

    assert.throws(() => database.run("UPDATE members SET name = 'Grace' WHERE id = 'mem_1'"), {
      message: /name_normalized is required/,
    });
    database.run("UPDATE members SET name = 'ADA' WHERE id = 'mem_1'");
    database.close();
  });
});
