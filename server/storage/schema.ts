import { applySchemaV2 } from './schema-v2-member-lists.js';
import { applySchemaV3 } from './schema-v3-credential-uses.js';
import type { SqlDatabase } from './sql-database.js';

/**
 * Version 1 of the tables of the reference server. Timestamps are ISO 8601 strings in UTC, so
 * they sort as text. Secrets are stored only as SHA-256 hashes next to a masked hint.
 */
const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  plan TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS auth_tokens (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);

CREATE TABLE IF NOT EXISTS license_pools (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  plan TEXT NOT NULL,
  name TEXT NOT NULL,
  seats INTEGER NOT NULL CHECK (seats >= 0),
  expires_at TEXT
);

CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  email_normalized TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'invited')),
  role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  permissions TEXT NOT NULL DEFAULT '[]',
  license_id TEXT REFERENCES license_pools(id),
  invited_at TEXT,
  joined_at TEXT,
  invitation_sent_at TEXT,
  invitation_expires_at TEXT,
  invitation_token_hash TEXT UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, email_normalized),
  UNIQUE (workspace_id, user_id)
);
CREATE INDEX IF NOT EXISTS members_by_license ON members (license_id);

CREATE TABLE IF NOT EXISTS legacy_keys (
  member_id TEXT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);

CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  workspace_id TEXT NOT NULL,
  caller_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, caller_id, key)
);

-- The service checks seats before it assigns one. These triggers make the database reject
-- an assignment past the pool's seats as well, whatever code path writes the row.
CREATE TRIGGER IF NOT EXISTS members_seat_limit_on_insert
BEFORE INSERT ON members
WHEN NEW.license_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'no_seats_available')
  WHERE (SELECT COUNT(*) FROM members WHERE license_id = NEW.license_id)
    >= (SELECT seats FROM license_pools WHERE id = NEW.license_id);
END;

CREATE TRIGGER IF NOT EXISTS members_seat_limit_on_update
BEFORE UPDATE OF license_id ON members
WHEN NEW.license_id IS NOT NULL AND NEW.license_id IS NOT OLD.license_id
BEGIN
  SELECT RAISE(ABORT, 'no_seats_available')
  WHERE (SELECT COUNT(*) FROM members WHERE license_id = NEW.license_id)
    >= (SELECT seats FROM license_pools WHERE id = NEW.license_id);
END;
`;

/**
 * One step of the schema. Steps are applied in order and never edited once released. `apply`
 * runs inside the step's transaction.
 */
interface Migration {
  version: number;
  apply(db: SqlDatabase): void;
}

/** Every schema step, oldest first; a new step appends a higher version. */
const MIGRATIONS: readonly Migration[] = [
  { version: 1, apply: (db) => db.exec(SCHEMA_V1) },
  { version: 2, apply: applySchemaV2 },
  { version: 3, apply: applySchemaV3 },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the database to `SCHEMA_VERSION`: records the applied versions in `schema_version`
 * and applies each missing step in its own transaction. Safe to run on every start, also from
 * two processes at once. Throws when the database was written by a newer version of the
 * server, rather than reading tables it does not know. Tests of a step pass an older
 * `targetVersion` to build the database the step upgrades.
 */
export function applySchema(db: SqlDatabase, targetVersion: number = SCHEMA_VERSION): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);

  for (const migration of MIGRATIONS) {
    db.transaction(() => {
      const current = readSchemaVersion(db);
      if (current > SCHEMA_VERSION) {
        throw new Error(
          `The database is at schema version ${current}, but this server knows versions up to ` +
            `${SCHEMA_VERSION}. Upgrade ls-admin, or set DATABASE_PATH to another file.`,
        );
      }
      if (current >= migration.version || migration.version > targetVersion) return;

      migration.apply(db);
      db.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [
        migration.version,
        new Date().toISOString(),
      ]);
    });
  }
}

/** Returns the highest applied schema version, or 0 for a new database. */
export function readSchemaVersion(db: SqlDatabase): number {
  const row = db.get<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM schema_version',
  );
  return row?.version ?? 0;
}

/** The message of the error SQLite raises when a seat-limit trigger rejects a write. */
export const SEAT_LIMIT_MESSAGE = 'no_seats_available';
