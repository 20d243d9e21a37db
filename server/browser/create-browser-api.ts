import { createApp } from '../http/create-app.js';
import { applySchema } from '../storage/schema.js';
import type { SqlDatabase } from '../storage/sql-database.js';
import { wrapSqlJsDatabase } from '../storage/sql-js-database.js';
import { withFaults, type FaultSettings, type FetchFunction } from './fault-injection.js';
import { loadSqlJs } from './load-sql-js.js';
import type { Scenario, ScenarioCredentials } from './scenario.js';

/** Options of `createBrowserApi`. */
export interface BrowserApiOptions {
  /** Seeds the new database, such as `typicalTeam`. */
  scenario: Scenario;
  /** Delays and failures to inject; see `FaultSettings`. Default: none. */
  faults?: Partial<FaultSettings>;
  /** The clock of the seed and the server. Default: the system clock. */
  now?: () => Date;
}

/** The reference server running inside the page on its own in-memory database. */
export interface BrowserApi {
  /** Sends a request to the in-page server; pass it as the SDK client's `fetch` option. */
  fetch: FetchFunction;
  /** The seeded workspace and the session tokens of its admin and member. */
  credentials: ScenarioCredentials;
  /** The in-memory database, for inspecting or changing the seeded rows. */
  database: SqlDatabase;
  /** The live fault settings; a change applies to the next request. */
  faults: FaultSettings;
}

/**
 * Creates the reference API server inside the page: a new in-memory SQLite database on
 * sql.js with the schema applied, seeded by `options.scenario`, behind the same Hono app that
 * `npm run server` runs. Every request runs the server's real rules, so an invitation takes a
 * seat exactly as it does on the server.
 */
export async function createBrowserApi(options: BrowserApiOptions): Promise<BrowserApi> {
  const SQL = await loadSqlJs();
  const now = options.now ?? (() => new Date());
  const database = wrapSqlJsDatabase(new SQL.Database(), now);
  applySchema(database);

  const credentials = await options.scenario(database, now());
  const app = createApp({ database, now });

  const faults: FaultSettings = { delayMs: 0, failNext: 0, failAs: 'server', ...options.faults };
  // Hono's `app.fetch` may return a plain Response or a promise of one.
  const fetch = withFaults(async (request) => app.fetch(request), faults);
  return { fetch, credentials, database, faults };
}
