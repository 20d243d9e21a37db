import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Config } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { XliffConfig } from '@lit/localize-tools/lib/types/formatters.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';

/** The repository's root folder, which contains lit-localize.json. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type RuntimeConfig = Config & { output: RuntimeOutputConfig };

/** The places that a localizer reads from and writes to, relative to the repository root. */
export interface LocalizerPaths {
  /** The folder of the XLIFF catalogs; lit-localize.json's `xliffDir` by default. */
  xliffDir?: string;
  /** The folder of the generated locale modules; lit-localize.json's `outputDir` by default. */
  outputDir?: string;
}

/** Creates a localizer from lit-localize.json, with its folders replaced where given. */
export function createLocalizer(paths: LocalizerPaths = {}): RuntimeLitLocalizer {
  const file = JSON.parse(
    readFileSync(resolve(ROOT, 'lit-localize.json'), 'utf8'),
  ) as RuntimeConfig;
  const outputDir = paths.outputDir ?? file.output.outputDir;
  const config: RuntimeConfig = {
    ...file,
    interchange: { ...xliffOf(file), xliffDir: paths.xliffDir ?? xliffOf(file).xliffDir },
    output: {
      ...file.output,
      outputDir,
      localeCodesModule: resolve(ROOT, outputDir, 'locale-codes.ts'),
    },
    baseDir: ROOT,
    resolve: (path) => resolve(ROOT, path),
  };
  return new RuntimeLitLocalizer(config);
}

function xliffOf(config: Config): XliffConfig {
  if (config.interchange.format !== 'xliff') {
    throw new Error('lit-localize.json must use the "xliff" interchange format.');
  }
  return config.interchange;
}

/** One `<trans-unit>` of an XLIFF catalog, with its source and target as XML text. */
export interface CatalogUnit {
  id: string;
  source: string;
  /** The translation, or `undefined` while the message is not translated. */
  target: string | undefined;
}

const TRANS_UNIT = /<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g;
const SOURCE = /<source>([\s\S]*?)<\/source>/;
const TARGET = /<target>([\s\S]*?)<\/target>/;

/**
 * Reads the units of an XLIFF 1.2 catalog as lit-localize writes it, by message id. The source
 * and target stay XML text, placeholders included, which is how they are compared.
 */
export function readCatalog(path: string): Map<string, CatalogUnit> {
  const units = new Map<string, CatalogUnit>();
  for (const match of readFileSync(path, 'utf8').matchAll(TRANS_UNIT)) {
    const [, id = '', body = ''] = match;
    const source = SOURCE.exec(body)?.[1];
    if (source === undefined) throw new Error(`The unit "${id}" in ${path} has no <source>.`);
    units.set(id, { id, source, target: TARGET.exec(body)?.[1] });
  }
  return units;
}

/** The differences between a catalog and the messages in the source code. */
export interface CatalogProblems {
  /** Messages in the code that the catalog has no translation of. */
  missing: CatalogUnit[];
  /** Translated messages whose source text in the code is no longer the one translated. */
  stale: { current: CatalogUnit; translated: CatalogUnit }[];
  /** Units of the catalog that no message in the code uses any more. */
  unused: CatalogUnit[];
}

/**
 * Compares a catalog with the units that the code has now (a fresh extraction, without
 * translations).
 */
export function compareCatalog(
  current: Map<string, CatalogUnit>,
  catalog: Map<string, CatalogUnit>,
): CatalogProblems {
  const problems: CatalogProblems = { missing: [], stale: [], unused: [] };
  for (const unit of current.values()) {
    const translated = catalog.get(unit.id);
    if (translated?.target === undefined) problems.missing.push(unit);
    else if (translated.source !== unit.source) problems.stale.push({ current: unit, translated });
  }
  for (const unit of catalog.values()) {
    if (!current.has(unit.id)) problems.unused.push(unit);
  }
  return problems;
}

/** Writes a unit as one line for a report: its id and its source text. */
export function describeUnit(unit: CatalogUnit): string {
  return `${unit.id}: "${unit.source}"`;
}

/**
 * Removes the translations of the given units from a catalog file, so that the catalog test
 * reports them as missing until someone translates them again.
 */
export function clearTargets(path: string, ids: ReadonlySet<string>): void {
  const text = readFileSync(path, 'utf8').replace(TRANS_UNIT, (unit, id: string) =>
    ids.has(id) ? unit.replace(/\n?[ \t]*<target>[\s\S]*?<\/target>/, '') : unit,
  );
  writeFileSync(path, text);
}
