import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import { applySchema, readSchemaVersion, SCHEMA_VERSION } from '../../server/storage/schema.js';

describe('applySchema', () => {
  test('records the schema version once', () => {
    const database = openBetterSqliteDatabase(':memory:');

    applySchema(database);
    applySchema(database);

    const rows = database.all<{ version: number }>('SELECT version FROM schema_version');
    assert.equal(readSchemaVersion(database), SCHEMA_VERSION);
    assert.deepEqual(
      rows.map((row) => row.version),
      Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1),
    );
    database.close();
  });

  test('rejects a database from a newer server', () => {
    const database = openBetterSqliteDatabase(':memory:');
    applySchema(database);
    database.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [
      SCHEMA_VERSION + 1,
      new Date().toISOString(),
    ]);

    assert.throws(() => applySchema(database), {
      message: new RegExp(
        `schema version ${SCHEMA_VERSION + 1}, but this server knows versions up to ` +
          `${SCHEMA_VERSION}`,
      ),
    });
    database.close();
  });
});
