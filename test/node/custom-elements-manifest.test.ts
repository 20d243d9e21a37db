import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

interface Named {
  name: string;
}

interface ElementDeclaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  members?: (Named & { kind: string; privacy?: string })[];
  attributes?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

interface Manifest {
  modules: { path: string; declarations?: ElementDeclaration[] }[];
}

/** The JSDoc tags of an element class, read from its source for comparison. */
interface DocumentedElement {
  tag: string;
  classFile: string;
  fires: string[];
  slots: string[];
  parts: string[];
  cssProperties: string[];
}

let outdir: string;
let manifest: Manifest;
let documented: DocumentedElement[];

before(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'ls-cem-'));
  // The analyzer joins `--outdir` to its working directory, so it gets a relative path.
  await run(join(root, 'node_modules/.bin/cem'), ['analyze', '--outdir', relative(root, outdir)], {
    cwd: root,
  });
  manifest = JSON.parse(await readFile(join(outdir, 'custom-elements.json'), 'utf8')) as Manifest;
  documented = await readDocumentedElements();
});

after(async () => {
  await rm(outdir, { recursive: true, force: true });
});

/** Finds each `customElements.define('ls-…', Class)` under src/ and the JSDoc of that class. */
async function readDocumentedElements(): Promise<DocumentedElement[]> {
  const elements: DocumentedElement[] = [];
  for (const folder of await readdir(join(root, 'src'))) {
    const define = await readFile(join(root, 'src', folder, 'define.ts'), 'utf8').catch(() => '');
    const match = /customElements\.define\('([a-z-]+)', (\w+)\)/.exec(define);
    const importLine = match && new RegExp(`import \\{ ${match[2]} \\} from '\\./([\\w.-]+)\\.js'`);
    const classFile = importLine ? importLine.exec(define)?.[1] : undefined;
    if (!match?.[1] || classFile === undefined) continue;

    const path = `src/${folder}/${classFile}.ts`;
    const source = await readFile(join(root, path), 'utf8');
    const names = (tag: string) =>
      [...source.matchAll(new RegExp(`@${tag}\\s+(?:\\{[^}]*\\}\\s+)?([\\w-]*)`, 'g'))].map(
        // `@slot - text` documents the default slot, which the manifest names ''.
        (found) => (found[1] === '-' ? '' : (found[1] ?? '')),
      );
    elements.push({
      tag: match[1],
      classFile: path,
      fires: names('fires'),
      slots: names('slot'),
      parts: names('csspart'),
      cssProperties: names('cssprop'),
    });
  }
  return elements;
}

function declarationOf(tag: string): ElementDeclaration {
  for (const module of manifest.modules) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tag);
    if (found) return found;
  }
  assert.fail(`custom-elements.json lists no <${tag}>.`);
}

const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name).sort();

describe('custom-elements.json', () => {
  test('finds the elements under src/', () => {
    const tags = documented.map((element) => element.tag);

    for (const tag of ['ls-key-migration', 'ls-members-table', 'ls-users-licenses']) {
      assert.ok(tags.includes(tag), `no define.ts under src/ registers <${tag}>`);
    }
  });

  test('lists every element with a summary', () => {
    for (const element of documented) {
      const declaration = declarationOf(element.tag);
      assert.equal(declaration.customElement, true, element.tag);
      assert.ok(declaration.summary, `<${element.tag}> has no @summary in ${element.classFile}`);
    }
  });

  test('lists the documented parts of each element', () => {
    for (const element of documented) {
      assert.deepEqual(names(declarationOf(element.tag).cssParts), [...element.parts].sort());
    }
  });

  test('lists the documented events of each element', () => {
    for (const element of documented) {
      assert.deepEqual(names(declarationOf(element.tag).events), [...element.fires].sort());
    }
  });

  test('lists the CSS properties of each element', () => {
    for (const element of documented) {
      assert.deepEqual(
        names(declarationOf(element.tag).cssProperties),
        [...element.cssProperties].sort(),
      );
    }
  });

  test('lists the slots of each element', () => {
    for (const element of documented) {
      assert.deepEqual(names(declarationOf(element.tag).slots), [...element.slots].sort());
    }
  });

  test('lists attributes and public properties', () => {
    const workspace = declarationOf('ls-workspace');
    assert.deepEqual(names(workspace.attributes), ['api-base', 'locale', 'workspace']);

    for (const element of documented) {
      const fields = (declarationOf(element.tag).members ?? []).filter(
        (member) => member.kind === 'field' && member.privacy === undefined,
      );
      if (element.tag === 'ls-confirm-dialog') continue;
      assert.ok(
        fields.some((field) => field.name === 'store'),
        `<${element.tag}> lists no public store property`,
      );
    }
  });

  test('lists the key migration in full', () => {
    const migration = declarationOf('ls-key-migration');

    assert.deepEqual(names(migration.events), [
      'ls-error',
      'ls-legacy-key-removed',
      'ls-license-assigned',
      'ls-unauthorized',
    ]);
    assert.ok(names(migration.cssParts).includes('step'));
    assert.ok(names(migration.cssProperties).includes('--ls-key-migration-current-step'));
  });

  test('matches the committed custom-elements.json', async () => {
    const committed = await readFile(join(root, 'custom-elements.json'), 'utf8');
    const fresh = await readFile(join(outdir, 'custom-elements.json'), 'utf8');

    assert.ok(committed === fresh, 'custom-elements.json is out of date; run npm run analyze.');
  });
});
