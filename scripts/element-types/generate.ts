/**
 * Writes `types/elements.ts` from `custom-elements.json` (`npm run element-types`).
 * The React and Vue declarations in `types/` type each tag's properties with it.
 */
import { readFile, writeFile } from 'node:fs/promises';

import { ELEMENT_TYPES_PATH, renderElementTypes, type Manifest } from './render-element-types.js';

const manifestUrl = new URL('../../custom-elements.json', import.meta.url);
const manifest = JSON.parse(await readFile(manifestUrl, 'utf8')) as Manifest;
await writeFile(ELEMENT_TYPES_PATH, await renderElementTypes(manifest));
console.log(`Wrote ${ELEMENT_TYPES_PATH}.`);
