import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { ProgramMessage } from '@lit/localize-tools/lib/messages.js';
import type { Locale } from '@lit/localize-tools/lib/types/locale.js';

import {
  compareCatalog,
  createLocalizer,
  describeUnit,
  readCatalog,
  ROOT,
  type CatalogProblems,
} from '../../scripts/localize/catalog.js';

/**
 * Lists the messages, in the source and in the German catalog, that are plain strings but
 * contain a character that lit-localize escapes as an HTML entity.
 */
function findPlainMessagesWithMarkup(messages: readonly ProgramMessage[]): string[] {
  const plain = new Set(
    messages.filter((entry) => entry.tag !== 'html').map((entry) => entry.name),
  );
  const { translations } = createLocalizer().readTranslationsSync();
  const german = translations.get('de' as Locale) ?? [];
  return [...messages, ...german]
    .filter((entry) => plain.has(entry.name))
    .filter((entry) =>
      entry.contents.some((part) => typeof part === 'string' && /[&<>]/.test(part)),
    )
    .map(
      (entry) =>
        `${entry.name}: ${entry.contents.filter((part) => typeof part === 'string').join('…')}`,
    );
}

const EXTRACT = 'npm run localize:extract';
const BUILD = 'npm run localize:build';

describe('German catalog', () => {
  let folder = '';
  let problems: CatalogProblems;
  let diagnostics: string[] = [];
  let plainWithMarkup: string[] = [];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ls-admin-catalog-'));
    // An extraction into an empty folder lists the messages that the code has now, with
    // no translations, so the committed catalog can be compared with it.
    const fresh = createLocalizer({ xliffDir: join(folder, 'xliff') });
    const extracted = fresh.extractSourceMessages();
    diagnostics = extracted.errors.map((error) => String(error.messageText));
    plainWithMarkup = findPlainMessagesWithMarkup(extracted.messages);
    await fresh.writeInterchangeFiles();

    const current = readCatalog(join(folder, 'xliff/de.xlf'));
    const committed = readCatalog(join(ROOT, 'xliff/de.xlf'));
    problems = compareCatalog(current, committed);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('extracts messages without errors', () => {
    assert.deepEqual(diagnostics, [], 'lit-localize could not read some msg() calls.');
  });

  test('plain messages have no &, < or >', () => {
    assert.deepEqual(
      plainWithMarkup,
      [],
      'lit-localize 0.8 writes &, < and > of a plain msg() as &amp;, &lt; and &gt;, which a ' +
        'text binding shows as they are. Write these messages as msg(html`…`) with entities.',
    );
  });

  test('translates every message', () => {
    const missing = problems.missing.map(describeUnit);
    assert.deepEqual(
      missing,
      [],
      `xliff/de.xlf has no German translation of ${missing.length} messages. Run ` +
        `${EXTRACT}, add a <target> to each of them, then run ${BUILD}.`,
    );
  });

  test('has no stale translations', () => {
    const stale = problems.stale.map(
      ({ current, translated }) =>
        `${describeUnit(current)}, translated from "${translated.source}"`,
    );
    assert.deepEqual(
      stale,
      [],
      `The source text of ${stale.length} translated messages changed. Run ${EXTRACT}, which ` +
        'clears their translations, translate them again, then run ' +
        `${BUILD}.`,
    );
  });

  test('has no unused translations', () => {
    const unused = problems.unused.map(describeUnit);
    assert.deepEqual(
      unused,
      [],
      `xliff/de.xlf has ${unused.length} messages that the code no longer uses. Run ${EXTRACT}.`,
    );
  });

  test('keeps the placeholders in each translation', () => {
    const { errors } = createLocalizer().validateTranslations();
    assert.deepEqual(errors, [], 'Some translations lost or added a ${…} placeholder.');
  });

  test('generated module matches the catalog', async () => {
    const built = createLocalizer({ outputDir: join(folder, 'locales') });
    await built.build();

    for (const file of ['de.ts', 'locale-codes.ts']) {
      const expected = await readFile(join(folder, 'locales', file), 'utf8');
      const committed = await readFile(join(ROOT, 'src/locales', file), 'utf8');
      assert.ok(
        committed === expected,
        `src/locales/${file} is out of date with xliff/de.xlf. Run ${BUILD} and commit it.`,
      );
    }
  });
});
