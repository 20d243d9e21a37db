import { chmod, readFile, writeFile } from 'node:fs/promises';

import { ApiError } from '../service/api-error.js';
import { hashSecret } from '../service/secrets.js';
import { findSessionUser } from '../service/viewer.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import type { DemoCredentialsFile } from './demo-credentials-file.js';
import { toDemoCredentialsFile } from './demo-credentials-file.js';
import { reissueDemoCredentials } from './reissue-demo-credentials.js';
import { hasDemoWorkspace, seedDemoWorkspace } from './seed-demo-workspace.js';

/** The action `ensureDemoCredentialsFile` took to make the credentials file current. */
export type DemoCredentialsOutcome =
  /** The demo workspace was seeded and the file written. */
  | 'seeded'
  /**
   * The workspace existed but the file was missing, unreadable or held expired sessions, so
   * new tokens were issued.
   */
  | 'reissued'
  /** The file existed, so only its `baseUrl` was rewritten. */
  | 'updated';

/** Options of `ensureDemoCredentialsFile`. */
export interface DemoCredentialsFileOptions {
  /** The file path, such as `.data/demo-credentials.json`. */
  path: string;
  /** The URL the server listens on now, written as `baseUrl`. */
  baseUrl: string;
  /** The creation time of seeded rows and new sessions. Default: the system clock. */
  now?: Date;
}

/**
 * Makes the demo credentials file match the database and the server's current URL. Seeds the
 * demo workspace when it is missing. When the workspace exists but the file does not, or its
 * sessions have expired, issues new tokens, because the database stores only their hashes.
 * Otherwise rewrites `baseUrl`, so that a restart on another port leaves no stale URL. The file
 * contains session tokens, so it is written with mode 0600.
 */
export async function ensureDemoCredentialsFile(
  database: SqlDatabase,
  options: DemoCredentialsFileOptions,
): Promise<DemoCredentialsOutcome> {
  if (!hasDemoWorkspace(database)) {
    const credentials = await seedDemoWorkspace(database, options.now);
    await writeCredentialsFile(options.path, toDemoCredentialsFile(options.baseUrl, credentials));
    return 'seeded';
  }

  const existing = await readCredentialsFile(options.path);
  if (existing === undefined || !(await hasLiveSessions(database, existing, options.now))) {
    const credentials = await reissueDemoCredentials(database, options.now);
    await writeCredentialsFile(options.path, toDemoCredentialsFile(options.baseUrl, credentials));
    return 'reissued';
  }

  if (existing.baseUrl !== options.baseUrl) {
    await writeCredentialsFile(options.path, { ...existing, baseUrl: options.baseUrl });
  }
  return 'updated';
}

/** Tells whether both session tokens of the file still open a session. */
async function hasLiveSessions(
  database: SqlDatabase,
  file: DemoCredentialsFile,
  now: Date = new Date(),
): Promise<boolean> {
  const context = { db: database, now: () => now };
  for (const token of [file.adminToken, file.memberToken]) {
    if (typeof token !== 'string') return false;
    try {
      findSessionUser(context, await hashSecret(token));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return false;
      throw error;
    }
  }
  return true;
}

/** Reads the file, or returns undefined when it is missing or is not a JSON object. */
async function readCredentialsFile(path: string): Promise<DemoCredentialsFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as DemoCredentialsFile;
    }
  } catch {
    // A file cut short by an interrupted write is replaced like a missing one.
  }
  return undefined;
}

async function writeCredentialsFile(path: string, file: DemoCredentialsFile): Promise<void> {
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  // writeFile applies the mode only when it creates the file.
  await chmod(path, 0o600);
}
