import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import Database from 'better-sqlite3';

/** The packages whose versions decide the figures, read from the installed copies. */
const MEASURED_PACKAGES = ['lit', 'ky', 'zod', 'hono', 'better-sqlite3', 'playwright-core'];

/** Describes the machine and software running the benchmarks, one "what: value" line each. */
export function describeEnvironment(): string[] {
  const processors = cpus();
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return [
    `Machine: ${processors.length} × ${processors[0]?.model.trim() ?? 'unknown CPU'}, ${memory}`,
    `Node.js: ${process.version}`,
    `SQLite (better-sqlite3): ${sqliteVersion()}`,
    `Chromium: ${chromiumVersion()}`,
    `Packages: ${MEASURED_PACKAGES.map((name) => `${name} ${packageVersion(name)}`).join(', ')}`,
  ];
}

function sqliteVersion(): string {
  const database = new Database(':memory:');
  try {
    return (database.prepare('SELECT sqlite_version() AS version').get() as { version: string })
      .version;
  } finally {
    database.close();
  }
}

function chromiumVersion(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  try {
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')
      .at(-1)!;
  } catch {
    return `not found at ${path}`;
  }
}

function packageVersion(name: string): string {
  const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  try {
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}
