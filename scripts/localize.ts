/**
 * Extracts the messages into the catalogs, or builds the locale modules from them:
 * `npm run localize:extract` and `npm run localize:build`.
 *
 * `extract` runs `lit-localize extract` and then clears each translation whose source text
 * changed, because lit-localize keeps the old translation under a message id that the code
 * sets with `msg(…, { id })`, and nothing would show that it no longer fits.
 */
import { resolve } from 'node:path';

import {
  clearTargets,
  createLocalizer,
  readCatalog,
  ROOT,
  type CatalogUnit,
} from './localize/catalog.js';

const command = process.argv[2];
const localizer = createLocalizer();
const catalogs = localizer.config.targetLocales.map((locale) => {
  const interchange = localizer.config.interchange;
  const folder = interchange.format === 'xliff' ? interchange.xliffDir : '.';
  return resolve(ROOT, folder, `${locale}.xlf`);
});

if (command === 'extract') {
  const before = catalogs.map((path) => readCatalogIfPresent(path));
  await localizer.writeInterchangeFiles();
  catalogs.forEach((path, index) => clearStale(path, before[index]));
} else if (command === 'build') {
  await localizer.build();
} else {
  console.error(`Unknown command "${command ?? ''}". Use "extract" or "build".`);
  process.exitCode = 2;
}

function readCatalogIfPresent(path: string) {
  try {
    return readCatalog(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
}

/** Clears the translations whose source text the extraction changed, and lists them. */
function clearStale(path: string, before: Map<string, CatalogUnit> | undefined): void {
  if (before === undefined) return;
  const stale = new Set<string>();
  for (const unit of readCatalog(path).values()) {
    const old = before.get(unit.id);
    if (old?.target !== undefined && old.source !== unit.source) stale.add(unit.id);
  }
  if (stale.size === 0) return;
  clearTargets(path, stale);
  console.log(`Cleared ${stale.size} translations in ${path} whose source text changed:`);
  for (const id of stale) console.log(`  ${id}`);
}
