import type { SqlDatabase } from './sql-database.js';

/**
 * Version 3: rotation with a grace period, and the credential each member's tools last used.
 * `previous_auth_tokens` keeps at most one replaced token per user, which keeps working until
 * `expires_at`; a rotation without a grace period stores it with `expires_at = replaced_at`,
 * so its hash stays known and activation can report that it was replaced.
 */
const SCHEMA_V3_TABLES = `
CREATE TABLE previous_auth_tokens (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT
);

ALTER TABLE members ADD COLUMN last_credential TEXT
  CHECK (last_credential IN ('api-key', 'auth-token', 'previous-auth-token'));
ALTER TABLE members ADD COLUMN last_credential_hint TEXT;
ALTER TABLE members ADD COLUMN last_credential_used_at TEXT;
`;

interface CredentialUseSource {
  id: string;
  key_hint: string | null;
  key_used_at: string | null;
  token_hint: string | null;
  token_used_at: string | null;
}

/**
 * Applies version 3 and fills each member's last credential use from the last uses that
 * version 2 kept: the member's legacy key, and the auth token of the member's user.
 * NOTE: version 2 did not record which membership an auth-token activation matched, so an
 * earlier use of the token is filled in on every active membership of its user.
 */
export function applySchemaV3(db: SqlDatabase): void {
  db.exec(SCHEMA_V3_TABLES);

  const sources = db.all<CredentialUseSource>(
    `SELECT m.id, k.hint AS key_hint, k.last_used_at AS key_used_at,
       t.hint AS token_hint, t.last_used_at AS token_used_at
     FROM members m
     LEFT JOIN legacy_keys k ON k.member_id = m.id
     LEFT JOIN auth_tokens t ON t.user_id = m.user_id AND m.status = 'active'
     WHERE k.last_used_at IS NOT NULL OR t.last_used_at IS NOT NULL`,
  );
  for (const source of sources) {
    // Timestamps are ISO 8601 in UTC, so the later one also sorts later as text.
    const tokenIsLater =
      source.token_used_at !== null &&
      (source.key_used_at === null || source.token_used_at >= source.key_used_at);
    const use = tokenIsLater
      ? ['auth-token', source.token_hint, source.token_used_at]
      : ['api-key', source.key_hint, source.key_used_at];
    db.run(
      `UPDATE members SET last_credential = ?, last_credential_hint = ?,
         last_credential_used_at = ? WHERE id = ?`,
      [...use, source.id],
    );
  }
}
