import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import fc from 'fast-check';
import initSqlJs from 'sql.js';

import type { Member } from '../../sdk/schemas/member.js';
import type { MemberSeed } from '../../server/seed/seed-rows.js';
import { insertMembers, insertWorkspace } from '../../server/seed/seed-rows.js';
import type { MemberListQuery } from '../../server/service/member-list.js';
import { listMembers } from '../../server/service/member-list.js';
import type { Viewer } from '../../server/service/viewer.js';
import { openBetterSqliteDatabase } from '../../server/storage/better-sqlite3-database.js';
import { hasMemberSearchIndex } from '../../server/storage/member-search-index.js';
import { applySchema } from '../../server/storage/schema.js';
import type { SqlDatabase } from '../../server/storage/sql-database.js';
import { wrapSqlJsDatabase } from '../../server/storage/sql-js-database.js';

/** Names that stress case folding, scripts other than Latin, and LIKE and FTS5 syntax. */
const NAMES = [
  'Ada Lovelace',
  'ADA LOVELACE',
  'ada lovelace',
  'Émile Zola',
  'émile ZOLA',
  'ÉMILE',
  'Zoë Dvořák',
  'ZOË',
  'Łukasz Żółć',
  'Straße Müller',
  'İlker Işık',
  'ΣΊΣΥΦΟΣ Σίσυφος',
  '100% Sure',
  'under_score',
  'a_b%c',
  'back\\slash',
  'quote "double" quote',
  "O'Brien",
  '李小龍',
  'emoji 😀 smile',
  'two  spaces',
  'AbC',
  'abc',
  'NEAR AND OR NOT',
  'col:umn * ^caret',
];

const EMAIL_LOCAL_PARTS = ['Percent%User', 'under_score', 'ÜNÏCÖDÉ', 'quote"d', 'plain'];

const QUERIES = [
  'a',
  'A',
  'ad',
  'ada',
  'ADA LOVE',
  ' ada ',
  'émile',
  'ÉMILE',
  'zoë',
  'ZOË',
  'ß',
  'straße',
  'STRASSE',
  'İlker',
  'i̇lk',
  'σίσυφος',
  'ΣΊΣΥΦΟΣ',
  '%',
  '100%',
  '_',
  'a_b',
  'a%',
  '%c',
  '"',
  'quote "double"',
  '"double"',
  "'",
  "o'b",
  '\\',
  '😀',
  '😀 s',
  '李',
  '李小',
  '李小龍',
  'two  spaces',
  'near and',
  'NOT',
  'col:umn',
  '* ^',
  'example',
  '@',
  '.example.com',
  'percent%u',
  'ünïcödé',
  'xyz-not-there',
];

/** What each database under test is: the reference server with and without its index. */
interface Subject {
  label: string;
  database: SqlDatabase;
}

const viewer: Viewer = {
  userId: 'usr_viewer',
  email: 'viewer@example.com',
  workspaceId: 'ws_search',
  memberId: 'mem_viewer',
  role: 'admin',
  permissions: [],
};

const members: MemberSeed[] = [];
const subjects: Subject[] = [];

before(async () => {
  members.push(...buildMembers('ws_search'));
  const otherWorkspace = buildMembers('ws_other');

  const indexed = openBetterSqliteDatabase(':memory:');
  const alone = openBetterSqliteDatabase(':memory:');
  const unindexed = openBetterSqliteDatabase(':memory:');
  const SQL = await initSqlJs();
  const sqlJs = wrapSqlJsDatabase(new SQL.Database());
  applySchema(unindexed);
  unindexed.exec(`
    DROP TRIGGER members_search_on_insert;
    DROP TRIGGER members_search_on_delete;
    DROP TRIGGER members_search_on_update;
    DROP TABLE member_search;
  `);

  for (const database of [indexed, unindexed, sqlJs]) {
    applySchema(database);
    for (const id of ['ws_search', 'ws_other']) {
      insertWorkspace(database, { id, name: id, plan: 'team', createdAt: '2026-01-01' });
    }
    insertMembers(database, [...members, ...otherWorkspace]);
  }
  // With one workspace in the database, the index counts a search without checking workspaces.
  applySchema(alone);
  insertWorkspace(alone, { id: 'ws_search', name: 'ws_search', plan: 'team', createdAt: '2026' });
  insertMembers(alone, members);

  subjects.push(
    { label: 'better-sqlite3 with the trigram index', database: indexed },
    { label: 'better-sqlite3 with the index and one workspace', database: alone },
    { label: 'better-sqlite3 without the index', database: unindexed },
    { label: 'sql.js', database: sqlJs },
  );
});

after(() => {
  for (const subject of subjects) subject.database.close();
});

/** Pairs every name with an email; emails repeat the name's letters in ASCII. */
function buildMembers(workspaceId: string): MemberSeed[] {
  return NAMES.map((name, index) => {
    const localPart = EMAIL_LOCAL_PARTS[index % EMAIL_LOCAL_PARTS.length] ?? 'plain';
    return {
      id: `mem_${workspaceId}_${String(index).padStart(3, '0')}`,
      workspaceId,
      userId: null,
      name,
      email: `${localPart}.${index}@${workspaceId.replace('_', '-')}.example.com`,
      status: 'active',
      role: 'member',
      invitedAt: '2026-01-01T00:00:00.000Z',
      joinedAt: '2026-01-02T00:00:00.000Z',
    };
  });
}

/** The members whose name or email contains the text in lower case, found by reading all. */
function expectedIds(text: string): string[] {
  const needle = text.trim().toLowerCase();
  return members
    .filter(
      (member) =>
        member.name.toLowerCase().includes(needle) || member.email.toLowerCase().includes(needle),
    )
    .map((member) => member.id)
    .sort();
}

/** Lists every page of a search, 7 members at a time, and returns the ids and the totals. */
function searchAll(database: SqlDatabase, query: MemberListQuery) {
  const context = { db: database, now: () => new Date('2026-03-01T00:00:00.000Z') };
  const items: Member[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  do {
    const page = listMembers(context, viewer, { ...query, limit: 7, cursor });
    items.push(...page.items);
    totals.push(page.total);
    cursor = page.nextCursor ?? undefined;
    assert.ok(totals.length <= NAMES.length, 'the pages end');
  } while (cursor !== undefined);
  return { ids: items.map((member) => member.id), totals };
}

function checkSearch(text: string): void {
  const expected = expectedIds(text);
  for (const subject of subjects) {
    const { ids, totals } = searchAll(subject.database, { query: text });
    const message = `${subject.label}, query ${JSON.stringify(text)}`;

    assert.deepEqual([...ids].sort(), expected, message);
    assert.equal(new Set(ids).size, ids.length, `${message}: no member twice`);
    for (const total of totals) assert.equal(total, expected.length, `${message}: total`);
  }
}

describe('member search', () => {
  test('runs with and without the trigram index', () => {
    const [indexed, alone, unindexed, sqlJs] = subjects;

    assert.equal(hasMemberSearchIndex(indexed!.database), true);
    assert.equal(hasMemberSearchIndex(alone!.database), true);
    assert.equal(hasMemberSearchIndex(unindexed!.database), false);
    // sql.js 1.17 is built without FTS5. Should a later build have it, this database stops
    // testing the fallback, and the unindexed better-sqlite3 database still does.
    assert.equal(hasMemberSearchIndex(sqlJs!.database), false);
  });

  for (const text of QUERIES) {
    test(`finds ${JSON.stringify(text)} like a scan of every member`, () => {
      checkSearch(text);
    });
  }

  test('finds any part of a name or email like a scan', () => {
    const part = fc
      .record({
        member: fc.integer({ min: 0, max: NAMES.length - 1 }),
        inEmail: fc.boolean(),
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
        upper: fc.boolean(),
      })
      .map(({ member, inEmail, start, length, upper }) => {
        const seed = members[member]!;
        const characters = [...(inEmail ? seed.email : seed.name)];
        const from = start % characters.length;
        const text = characters.slice(from, from + length).join('');
        return upper ? text.toUpperCase() : text;
      });

    fc.assert(fc.property(part, checkSearch), { numRuns: 150 });
  });

  test('finds text made of special characters like a scan', () => {
    const characters = [...'aAéÉ%_"\'\\ ßİσΣ😀李*:^-.@'];
    const text = fc
      .array(fc.constantFrom(...characters), { minLength: 1, maxLength: 5 })
      .map((parts) => parts.join(''));

    fc.assert(fc.property(text, checkSearch), { numRuns: 150 });
  });

  test('combines search with filters', () => {
    for (const subject of subjects) {
      const { ids, totals } = searchAll(subject.database, { query: 'ada', role: 'admin' });

      assert.deepEqual(ids, [], subject.label);
      assert.deepEqual(totals, [0], subject.label);
    }
  });
});
