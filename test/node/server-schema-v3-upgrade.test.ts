import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import initSqlJs from 'sql.js';

import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import { findMemberRow, normalizeName, toMember } from '../../server/storage/member-rows.js';
import { applySchema, readSchemaVersion, SCHEMA_VERSION } from '../../server/storage/schema.js';
import type { SqlDatabase } from '../../server/storage/sql-database.js';
import { wrapSqlJsDatabase } from '../../server/storage/sql-js-database.js';

let directory: string;
let path: string;

const KEY_USED = '2026-02-10T08:00:00.000Z';
const TOKEN_USED = '2026-02-20T08:00:00.000Z';

/**
 * Members written by a version-2 server, with the last uses that version 2 kept:
 * [id, workspace, user, status, legacy key used at, auth token used at].
 */
const V2_MEMBERS = [
  // The legacy key was used after the auth token.
  ['mem_key', 'ws_a', 'usr_key', 'active', '2026-02-25T08:00:00.000Z', TOKEN_USED],
  // The auth token was used last.
  ['mem_token', 'ws_a', 'usr_token', 'active', KEY_USED, TOKEN_USED],
  // Never used.
  ['mem_never', 'ws_a', 'usr_never', 'active', null, null],
  // The same user's membership of a second workspace.
  ['mem_token_b', 'ws_b', 'usr_token', 'active', null, TOKEN_USED],
  // An invited member has no user, so no auth token.
  ['mem_invited', 'ws_a', null, 'invited', null, null],
] as const;

before(() => {
  directory = mkdtempSync(join(tmpdir(), 'ls-admin-upgrade-v3-'));
  path = join(directory, 'v2.sqlite');
  const database = openBetterSqliteDatabase(path);
  applySchema(database, 2);
  database.exec(`
    INSERT INTO workspaces VALUES ('ws_a', 'A', 'team', '2026-01-01T00:00:00.000Z');
    INSERT INTO workspaces VALUES ('ws_b', 'B', 'team', '2026-01-01T00:00:00.000Z');
  `);
  for (const [id, workspace, user, status, keyUsedAt, tokenUsedAt] of V2_MEMBERS) {
    if (user !== null && workspace === 'ws_a') {
      database.run("INSERT INTO users VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')", [
        user,
        `${user}@example.com`,
        user,
      ]);
      database.run(
        `INSERT INTO auth_tokens (user_id, token_hash, hint, created_at, last_used_at)
         VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', ?)`,
        [user, `hash_token_${user}`, `lsat_…${user.slice(-4)}`, tokenUsedAt],
      );
    }
    database.run(
      `INSERT INTO members (id, workspace_id, user_id, name, name_normalized, email,
         email_normalized, status, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'member')`,
      [
        id,
        workspace,
        user,
        id,
        normalizeName(id),
        `${id}@example.com`,
        `${id}@example.com`,
        status,
      ],
    );
    if (keyUsedAt !== null) {
      database.run(
        `INSERT INTO legacy_keys (member_id, key_hash, hint, created_at, last_used_at)
         VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', ?)`,
        [id, `hash_key_${id}`, `lsk_…${id.slice(-4)}`, keyUsedAt],
      );
    }
  }
  database.close();
});

after(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Opens a copy of the version-2 file on each SQLite binding and upgrades it in place. */
const BINDINGS: { name: string; open(): Promise<SqlDatabase> }[] = [
  {
    name: 'better-sqlite3',
    async open() {
      const copy = join(directory, `copy-${Math.random().toString(36).slice(2)}.sqlite`);
      const source = openBetterSqliteDatabase(path);
      source.exec(`VACUUM INTO '${copy}'`);
      source.close();
      return openBetterSqliteDatabase(copy);
    },
  },
  {
    name: 'sql.js',
    async open() {
      const SQL = await initSqlJs();
      return wrapSqlJsDatabase(new SQL.Database(readFileSync(path)));
    },
  },
];

for (const binding of BINDINGS) {
  describe(`upgrade from schema version 2 on ${binding.name}`, () => {
    async function withUpgradedDatabase(check: (database: SqlDatabase) => void) {
      const database = await binding.open();
      try {
        assert.equal(readSchemaVersion(database), 2);
        applySchema(database);
        check(database);
      } finally {
        database.close();
      }
    }

    test('reaches version 3', async () => {
      await withUpgradedDatabase((database) => {
        assert.equal(readSchemaVersion(database), SCHEMA_VERSION);
        assert.equal(SCHEMA_VERSION, 3);
      });
    });

    test('fills the later of the two last uses', async () => {
      await withUpgradedDatabase((database) => {
        const uses = Object.fromEntries(
          V2_MEMBERS.map(([id]) => [
            id,
            toMember(findMemberRow(database, id === 'mem_token_b' ? 'ws_b' : 'ws_a', id)!)
              .lastCredentialUse,
          ]),
        );

        assert.deepEqual(uses, {
          mem_key: {
            credential: 'api-key',
            hint: 'lsk_…_key',
            usedAt: '2026-02-25T08:00:00.000Z',
          },
          mem_token: { credential: 'auth-token', hint: 'lsat_…oken', usedAt: TOKEN_USED },
          mem_never: null,
          mem_token_b: { credential: 'auth-token', hint: 'lsat_…oken', usedAt: TOKEN_USED },
          mem_invited: null,
        });
      });
    });

    test('starts without previous tokens', async () => {
      await withUpgradedDatabase((database) => {
        const member = toMember(findMemberRow(database, 'ws_a', 'mem_token')!);
        const count = database.get<{ count: number }>(
          'SELECT COUNT(*) AS count FROM previous_auth_tokens',
        );

        assert.equal(member.authToken?.previous, null);
        assert.equal(count?.count, 0);
      });
    });

    test('rejects an unknown credential kind', async () => {
      await withUpgradedDatabase((database) => {
        assert.throws(
          () =>
            database.run("UPDATE members SET last_credential = 'password' WHERE id = ?", [
              'mem_never',
            ]),
          /CHECK constraint failed/,
        );
      });
    });
  });
}
