import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import {
  ELEMENT_TYPES_PATH,
  renderElementTypes,
  type Manifest,
} from '../../scripts/element-types/render-element-types.js';

const manifestUrl = new URL('../../custom-elements.json', import.meta.url);

describe('element types', () => {
  test('committed file matches the manifest', async () => {
    const manifest = JSON.parse(await readFile(manifestUrl, 'utf8')) as Manifest;

    const expected = await renderElementTypes(manifest);

    const committed = await readFile(ELEMENT_TYPES_PATH, 'utf8');
    assert.equal(
      committed,
      expected,
      'types/elements.ts is out of date: run npm run element-types',
    );
  });

  test('only writable public fields are properties', async () => {
    const manifest: Manifest = {
      modules: [
        {
          path: 'src/example/ls-example.ts',
          declarations: [
            {
              name: 'LsExample',
              tagName: 'ls-example',
              customElement: true,
              members: [
                { kind: 'field', name: 'store' },
                { kind: 'field', name: 'label', privacy: 'public' },
                { kind: 'field', name: 'open', readonly: true },
                { kind: 'field', name: 'cache', privacy: 'private' },
                { kind: 'field', name: 'styles', static: true },
                { kind: 'method', name: 'confirm' },
              ],
            },
            { name: 'helper' },
          ],
        },
      ],
    };

    const source = await renderElementTypes(manifest);

    assert.match(source, /import type \{ LsExample \} from '\.\.\/src\/index\.js';/);
    assert.match(source, /'ls-example': LsExample;/);
    assert.match(source, /'ls-example': Pick<LsExample, 'store' \| 'label'>;/);
    assert.doesNotMatch(source, /helper/);
  });

  test('element without writable fields picks never', async () => {
    const manifest: Manifest = {
      modules: [
        {
          path: 'src/dialog/ls-dialog.ts',
          declarations: [
            {
              name: 'LsDialog',
              tagName: 'ls-dialog',
              customElement: true,
              members: [{ kind: 'field', name: 'open', readonly: true }],
            },
          ],
        },
      ],
    };

    const source = await renderElementTypes(manifest);

    assert.match(source, /'ls-dialog': Pick<LsDialog, never>;/);
  });
});
