import type { SqlDatabase } from './sql-database.js';

/**
 * The shortest search text, in Unicode code points, that the trigram index can match. Shorter
 * text has no trigram, so it is matched by scanning the workspace's members.
 */
export const MIN_TRIGRAM_SEARCH_LENGTH = 3;

/**
 * The FTS5 index over `members.name_normalized` and `members.email_normalized`. It is an
 * external-content table keyed by the members' rowid, so it stores only the index and no copy
 * of the text. The text is already in lower case, so the tokenizer is case-sensitive and a
 * phrase query matches exactly the rows whose text contains the phrase, as `instr()` does.
 *
 * NOTE: SQLite documents that VACUUM may renumber the rowids of a table without an INTEGER
 * PRIMARY KEY, such as `members`. SQLite 3.53 keeps them for tables with an index, which
 * `members` always has. Should they change, `INSERT INTO member_search(member_search)
 * VALUES ('rebuild')` brings the index back in line.
 */
const MEMBER_SEARCH_INDEX = `
CREATE VIRTUAL TABLE member_search USING fts5(
  name_normalized,
  email_normalized,
  content = 'members',
  content_rowid = 'rowid',
  tokenize = 'trigram case_sensitive 1'
);
INSERT INTO member_search (member_search) VALUES ('rebuild');

CREATE TRIGGER members_search_on_insert
AFTER INSERT ON members
BEGIN
  INSERT INTO member_search (rowid, name_normalized, email_normalized)
  VALUES (NEW.rowid, NEW.name_normalized, NEW.email_normalized);
END;

CREATE TRIGGER members_search_on_delete
AFTER DELETE ON members
BEGIN
  INSERT INTO member_search (member_search, rowid, name_normalized, email_normalized)
  VALUES ('delete', OLD.rowid, OLD.name_normalized, OLD.email_normalized);
END;

CREATE TRIGGER members_search_on_update
AFTER UPDATE OF name_normalized, email_normalized ON members
WHEN NEW.name_normalized IS NOT OLD.name_normalized
  OR NEW.email_normalized IS NOT OLD.email_normalized
BEGIN
  INSERT INTO member_search (member_search, rowid, name_normalized, email_normalized)
  VALUES ('delete', OLD.rowid, OLD.name_normalized, OLD.email_normalized);
  INSERT INTO member_search (rowid, name_normalized, email_normalized)
  VALUES (NEW.rowid, NEW.name_normalized, NEW.email_normalized);
END;
`;

/** Creates the trigram index of member names and emails, fills it and keeps it current. */
export function createMemberSearchIndex(db: SqlDatabase): void {
  db.exec(MEMBER_SEARCH_INDEX);
}

/**
 * Tells whether this SQLite build has FTS5 with the trigram tokenizer (SQLite 3.34 or later
 * compiled with FTS5), by creating a temporary table with it.
 */
export function supportsTrigramSearch(db: SqlDatabase): boolean {
  try {
    db.exec("CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(text, tokenize = 'trigram')");
  } catch (error) {
    if (error instanceof Error && /no such (module|tokenizer)/.test(error.message)) return false;
    throw error;
  }
  db.exec('DROP TABLE temp.trigram_probe');
  return true;
}

const searchIndexPresence = new WeakMap<SqlDatabase, boolean>();

/**
 * Tells whether the database has the trigram index. The result is kept per connection,
 * because the index is created only by a schema step, which runs before requests.
 */
export function hasMemberSearchIndex(db: SqlDatabase): boolean {
  let present = searchIndexPresence.get(db);
  if (present === undefined) {
    present =
      db.get<{ name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'member_search'",
      ) !== undefined;
    searchIndexPresence.set(db, present);
  }
  return present;
}

/**
 * Returns an FTS5 query that matches rows containing `text` as a substring: one phrase in
 * double quotes, with each double quote inside doubled, so no character has a special meaning.
 */
export function toTrigramPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Tells whether the trigram index can match `text`, which needs three code points. */
export function isTrigramSearchable(text: string): boolean {
  return [...text].length >= MIN_TRIGRAM_SEARCH_LENGTH;
}
