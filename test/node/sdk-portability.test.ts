import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const sdkRoot = fileURLToPath(new URL('../../sdk/', import.meta.url));

/** Lists every TypeScript file under the SDK, relative to its root. */
function sdkFiles(): string[] {
  return readdirSync(sdkRoot, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort();
}

/** Patterns that would tie the SDK to Node, to the DOM, or make it print. */
const forbidden: [string, RegExp][] = [
  ['a node: import', /from ['"]node:/],
  ['a console call', /\bconsole\./],
  ['a DOM global', /\b(?:document|window|customElements)\.|\bextends HTMLElement\b/],
  ['a Lit import', /from ['"](?:lit|@lit\/)/],
];

describe('SDK sources', () => {
  test('are found', () => {
    assert.ok(sdkFiles().length > 20);
  });

  for (const file of sdkFiles()) {
    test(`${file} avoids Node, DOM and console`, () => {
      const source = readFileSync(path.join(sdkRoot, file), 'utf8');
      for (const [name, pattern] of forbidden) {
        assert.doesNotMatch(source, pattern, `${file} contains ${name}`);
      }
    });
  }
});
