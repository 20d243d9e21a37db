import { createMemberSearchIndex, supportsTrigramSearch } from './member-search-index.js';
import { normalizeName } from './member-rows.js';
import type { SqlDatabase } from './sql-database.js';

/**
 * Version 2: what member lists of 100,000 rows need. `name_normalized` is the name in lower
 * case, written by the application because SQLite's `lower()` folds ASCII letters only. The
 * indexes serve each sort key, and each filter with the default sort by name.
 * `member_counts` keeps the number of members per workspace, role, status and license, so
 * totals and seat checks read a few rows in place of counting members.
 */
const SCHEMA_V2_INDEXES_AND_COUNTS = `
-- The rowid ends every index, so this one tells whether a search match belongs to the
-- workspace without reading the member's row.
CREATE INDEX members_by_workspace ON members (workspace_id);
-- The email at the end lets a search of one or two characters read this index alone.
CREATE INDEX members_by_name ON members (workspace_id, name_normalized, id, email_normalized);
CREATE INDEX members_by_invited_at ON members (workspace_id, coalesce(invited_at, ''), id);
CREATE INDEX members_by_role ON members (workspace_id, role, id);
CREATE INDEX members_by_role_and_name ON members (workspace_id, role, name_normalized, id);
CREATE INDEX members_by_status_and_name ON members (workspace_id, status, name_normalized, id);
CREATE INDEX members_by_license_and_name
  ON members (workspace_id, license_id, name_normalized, id);
-- Version 1 counted a pool's seats with this index; member_counts does that now.
DROP INDEX members_by_license;

-- Writers set name_normalized themselves. These triggers reject a write that forgot it, as
-- far as SQLite can tell: an insert without it, or an update whose ASCII letters of the name
-- changed while name_normalized did not.
CREATE TRIGGER members_name_normalized_on_insert
BEFORE INSERT ON members
WHEN NEW.name_normalized IS NULL
BEGIN
  SELECT RAISE(ABORT, 'members.name_normalized is required: store the name in lower case');
END;

CREATE TRIGGER members_name_normalized_on_update
BEFORE UPDATE OF name ON members
WHEN NEW.name_normalized IS OLD.name_normalized AND lower(NEW.name) IS NOT lower(OLD.name)
BEGIN
  SELECT RAISE(ABORT, 'members.name_normalized is required: store the name in lower case');
END;

-- One row per combination of role, status and license ('' for none) that a workspace has.
-- Each member is counted in exactly one row, so any combination of those filters is a sum.
CREATE TABLE member_counts (
  workspace_id TEXT NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  license_id TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (workspace_id, role, status, license_id)
) WITHOUT ROWID;
CREATE INDEX member_counts_by_license ON member_counts (license_id);

INSERT INTO member_counts (workspace_id, role, status, license_id, count)
SELECT workspace_id, role, status, coalesce(license_id, ''), COUNT(*)
FROM members
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER members_count_on_insert
AFTER INSERT ON members
BEGIN
  INSERT INTO member_counts (workspace_id, role, status, license_id, count)
  VALUES (NEW.workspace_id, NEW.role, NEW.status, coalesce(NEW.license_id, ''), 1)
  ON CONFLICT (workspace_id, role, status, license_id) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER members_count_on_delete
AFTER DELETE ON members
BEGIN
  UPDATE member_counts SET count = count - 1
  WHERE workspace_id = OLD.workspace_id AND role = OLD.role AND status = OLD.status
    AND license_id = coalesce(OLD.license_id, '');
END;

CREATE TRIGGER members_count_on_update
AFTER UPDATE OF workspace_id, role, status, license_id ON members
WHEN NEW.workspace_id IS NOT OLD.workspace_id OR NEW.role IS NOT OLD.role
  OR NEW.status IS NOT OLD.status OR NEW.license_id IS NOT OLD.license_id
BEGIN
  UPDATE member_counts SET count = count - 1
  WHERE workspace_id = OLD.workspace_id AND role = OLD.role AND status = OLD.status
    AND license_id = coalesce(OLD.license_id, '');
  INSERT INTO member_counts (workspace_id, role, status, license_id, count)
  VALUES (NEW.workspace_id, NEW.role, NEW.status, coalesce(NEW.license_id, ''), 1)
  ON CONFLICT (workspace_id, role, status, license_id) DO UPDATE SET count = count + 1;
END;

-- The seat limit of version 1 counted the pool's members on every write, which made a bulk
-- insert quadratic. These read the maintained counts instead, across all workspaces.
DROP TRIGGER members_seat_limit_on_insert;
DROP TRIGGER members_seat_limit_on_update;

CREATE TRIGGER members_seat_limit_on_insert
BEFORE INSERT ON members
WHEN NEW.license_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'no_seats_available')
  WHERE (SELECT coalesce(sum(count), 0) FROM member_counts WHERE license_id = NEW.license_id)
    >= (SELECT seats FROM license_pools WHERE id = NEW.license_id);
END;

CREATE TRIGGER members_seat_limit_on_update
BEFORE UPDATE OF license_id ON members
WHEN NEW.license_id IS NOT NULL AND NEW.license_id IS NOT OLD.license_id
BEGIN
  SELECT RAISE(ABORT, 'no_seats_available')
  WHERE (SELECT coalesce(sum(count), 0) FROM member_counts WHERE license_id = NEW.license_id)
    >= (SELECT seats FROM license_pools WHERE id = NEW.license_id);
END;
`;

/**
 * Applies version 2: adds `name_normalized` and fills it for existing members, then creates
 * the indexes, the counts and their triggers. The trigram search index is created only where
 * the SQLite build has FTS5 with the trigram tokenizer. better-sqlite3 12 has it, and sql.js
 * 1.17 has no FTS5.
 */
export function applySchemaV2(db: SqlDatabase): void {
  db.exec('ALTER TABLE members ADD COLUMN name_normalized TEXT');
  const rows = db.all<{ id: string; name: string }>('SELECT id, name FROM members');
  for (const row of rows) {
    db.run('UPDATE members SET name_normalized = ? WHERE id = ?', [
      normalizeName(row.name),
      row.id,
    ]);
  }
  db.exec(SCHEMA_V2_INDEXES_AND_COUNTS);
  if (supportsTrigramSearch(db)) createMemberSearchIndex(db);
}
