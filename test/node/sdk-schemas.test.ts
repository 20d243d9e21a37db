import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { EmailAddress, PersonName } from '../../sdk/schemas/invitation.js';

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
