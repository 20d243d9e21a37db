import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';
import * as z from 'zod/mini';

import { Timestamp } from '../../sdk/schemas/common.js';
import { EmailAddress, PersonName } from '../../sdk/schemas/invitation.js';
import { MigrationStep } from '../../sdk/schemas/migration.js';

const DIRECTION_MESSAGE =
  'Remove line breaks, control characters and text-direction marks from the name.';
const EMAIL_MESSAGE = 'Enter a valid email address, such as name@example.com.';

function messagesOf(result: { error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('PersonName', () => {
  const accepted: [string, string][] = [
    ['Ann', 'Ann'],
    ['  Ann Lee\t', 'Ann Lee'],
    ['José Álvarez', 'José Álvarez'],
    ['O\u2019Brien', 'O\u2019Brien'],
    ['李 小龙', '李 小龙'],
    ['مريم العربية', 'مريم العربية'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ];
  for (const [input, stored] of accepted) {
    test(`accepts ${JSON.stringify(input)}`, () => {
      assert.deepEqual(PersonName.safeParse(input), { success: true, data: stored });
    });
  }

  const rejected: [string, string][] = [
    ['', 'Enter a name.'],
    ['   ', 'Enter a name.'],
    ['\u200b', 'Enter a name with at least one visible character.'],
    ['Ann\u202eevil\u202c', DIRECTION_MESSAGE],
    ['Ann\u2067Lee\u2069', DIRECTION_MESSAGE],
    ['a\u0000b', DIRECTION_MESSAGE],
    ['Ann\nLee', DIRECTION_MESSAGE],
    ['x'.repeat(201), 'Use at most 200 characters.'],
  ];
  for (const [input, message] of rejected) {
    test(`rejects ${JSON.stringify(input.slice(0, 20))}`, () => {
      assert.deepEqual(messagesOf(PersonName.safeParse(input)), [message]);
    });
  }
});

describe('EmailAddress', () => {
  const accepted: [string, string][] = [
    ['m@dept.example.co.jp', 'm@dept.example.co.jp'],
    ['m@a.b.example.com', 'm@a.b.example.com'],
    ['m+team@example.com', 'm+team@example.com'],
    [' \tName.Surname@Example.com  ', 'Name.Surname@Example.com'],
  ];
  for (const [input, stored] of accepted) {
    test(`accepts ${JSON.stringify(input)}`, () => {
      assert.deepEqual(EmailAddress.safeParse(input), { success: true, data: stored });
    });
  }

  test('rejects a local part over 64 characters', () => {
    const local = 'e'.repeat(65);

    assert.deepEqual(messagesOf(EmailAddress.safeParse(`${local}@example.com`)), [
      'Use at most 64 characters before the @.',
    ]);
    assert.equal(EmailAddress.safeParse(`${local.slice(1)}@example.com`).success, true);
  });

  for (const input of ['', 'name', 'name@', '@example.com', 'a b@example.com', '<x>@example.com']) {
    test(`rejects ${JSON.stringify(input)}`, () => {
      assert.deepEqual(messagesOf(EmailAddress.safeParse(input)), [EMAIL_MESSAGE]);
    });
  }
});

describe('Timestamp', () => {
  const isoDateTime = z.iso.datetime({ offset: true });

  const accepted = [
    '2026-03-01T09:30:00.000Z',
    '2026-03-01T09:30:00Z',
    '2024-02-29T23:59:59.123456Z',
    '2000-02-29T00:00:00+05:30',
    '2026-12-31T00:00:00-23:59',
  ];
  for (const input of accepted) {
    test(`accepts ${input}`, () => {
      assert.equal(Timestamp.safeParse(input).success, true);
    });
  }

  const rejected = [
    '2026-03-01',
    '2026-03-01T09:30Z',
    '2026-03-01T09:30:00',
    '2026-03-01 09:30:00Z',
    '2026-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T09:30:00+0530',
    '2026-03-01T09:30:00.Z',
  ];
  for (const input of rejected) {
    test(`rejects ${input}`, () => {
      assert.equal(Timestamp.safeParse(input).success, false);
    });
  }

  test('accepts what z.iso.datetime accepts', () => {
    const twoDigits = (max: number) =>
      fc.integer({ min: 0, max }).map((value) => String(value).padStart(2, '0'));
    const year = fc.oneof(
      fc.constantFrom('1900', '2000', '2023', '2024', '2100', '2400'),
      fc.integer({ min: 0, max: 9999 }).map((value) => String(value).padStart(4, '0')),
    );
    const fraction = fc.constantFrom('', '.0', '.123', '.123456789', '.');
    const zone = fc.constantFrom('Z', 'z', '+05:30', '-23:59', '+24:00', '+05:60', '+0530', '');
    const separator = fc.constantFrom('T', 'T', 'T', 't', ' ');
    const dateTime = fc
      .tuple(year, twoDigits(13), twoDigits(32), separator, twoDigits(25), twoDigits(61))
      .chain(([y, month, day, t, hour, minute]) =>
        fc
          .tuple(twoDigits(61), fraction, zone)
          .map(
            ([second, f, offset]) =>
              `${y}-${month}-${day}${t}${hour}:${minute}:${second}${f}${offset}`,
          ),
      );

    fc.assert(
      fc.property(dateTime, (input) => {
        assert.equal(
          Timestamp.safeParse(input).success,
          isoDateTime.safeParse(input).success,
          input,
        );
      }),
      { numRuns: 5000 },
    );
  });

  test('documents itself as a date-time', () => {
    const schema = z.toJSONSchema(Timestamp) as { type: string; format: string };

    assert.equal(schema.type, 'string');
    assert.equal(schema.format, 'date-time');
  });
});

describe('MigrationStep', () => {
  for (const step of [1, 2, 3, 4]) {
    test(`accepts ${step}`, () => {
      assert.deepEqual(MigrationStep.safeParse(step), { success: true, data: step });
    });
  }

  for (const input of [0, 5, 1.5, '1', null]) {
    test(`rejects ${JSON.stringify(input)}`, () => {
      assert.equal(MigrationStep.safeParse(input).success, false);
    });
  }
});
