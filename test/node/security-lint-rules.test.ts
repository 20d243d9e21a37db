/**
 * Lints snippets with the repository's own eslint.config.js through ESLint's Node API, as if
 * they were files under src/ and sdk/, to prove that the rules against markup parsed from
 * strings and code evaluated from strings fire.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A file path that no file has, so the snippet is linted with the rules of its folder. */
const ELEMENT_FILE = path.join(repositoryRoot, 'src', 'shared', 'lint-rule-probe.ts');
const SDK_FILE = path.join(repositoryRoot, 'sdk', 'client', 'lint-rule-probe.ts');

interface Case {
  name: string;
  code: string;
  /** The rule that must report the snippet. */
  rule: string;
  file?: string;
}

const UNSAFE_MARKUP: Case[] = [
  {
    name: 'unsafeHTML',
    code: `import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = unsafeHTML;\n`,
    rule: 'no-restricted-imports',
  },
  {
    name: 'unsafeSVG',
    code: `import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const x = unsafeSVG;\n`,
    rule: 'no-restricted-imports',
  },
  {
    name: 'unsafeMathML',
    code: `import { unsafeMathML } from 'lit/directives/unsafe-mathml.js';\nexport const x = unsafeMathML;\n`,
    rule: 'no-restricted-imports',
  },
  {
    name: 'unsafeHTML from lit-html',
    code: `import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';\nexport const x = unsafeHTML;\n`,
    rule: 'no-restricted-imports',
  },
  {
    name: 'unsafeStatic',
    code: `import { unsafeStatic } from 'lit/static-html.js';\nexport const x = unsafeStatic;\n`,
    rule: 'no-restricted-imports',
  },
  {
    name: 'a dynamic import of an unsafe directive',
    code: `export const x = import('lit/directives/unsafe-html.js');\n`,
    rule: 'no-restricted-syntax',
  },
  {
    name: 'innerHTML',
    code: `export function f(element: Element, name: string) {\n  element.innerHTML = name;\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'innerHTML by a computed key',
    code: `export function f(element: Element, name: string) {\n  element['innerHTML'] = name;\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'innerHTML through Object.assign',
    code: `export function f(element: Element, name: string) {\n  Object.assign(element, { innerHTML: name });\n}\n`,
    rule: 'no-restricted-syntax',
  },
  {
    name: 'outerHTML',
    code: `export function f(element: Element, name: string) {\n  element.outerHTML = name;\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'insertAdjacentHTML',
    code: `export function f(element: Element, name: string) {\n  element.insertAdjacentHTML('beforeend', name);\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'setHTMLUnsafe',
    code: `export function f(element: Element, name: string) {\n  element.setHTMLUnsafe(name);\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'createContextualFragment',
    code: `export function f(name: string) {\n  return document.createRange().createContextualFragment(name);\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'DOMParser',
    code: `export function f(name: string) {\n  return new DOMParser().parseFromString(name, 'text/html');\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'document.write',
    code: `export function f(name: string) {\n  document.write(name);\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'document.writeln',
    code: `export function f(name: string) {\n  document.writeln(name);\n}\n`,
    rule: 'no-restricted-properties',
  },
  {
    name: 'a .innerHTML property binding',
    code: `import { html } from 'lit';\nexport const f = (name: string) => html\`<p .innerHTML=\${name}></p>\`;\n`,
    rule: 'no-restricted-syntax',
  },
  {
    name: 'a quoted .outerHTML property binding',
    code: `import { html } from 'lit';\nexport const f = (name: string) => html\`<p .outerHTML="\${name}"></p>\`;\n`,
    rule: 'no-restricted-syntax',
  },
  {
    name: 'an inline event handler in a template',
    code: `import { html } from 'lit';\nexport const f = () => html\`<button type="button" onclick="run()">Run</button>\`;\n`,
    rule: 'no-restricted-syntax',
  },
];

const EVALUATED_CODE: Case[] = [
  {
    name: 'eval',
    code: `export const f = (source: string) => eval(source);\n`,
    rule: 'no-eval',
  },
  {
    name: 'new Function',
    code: `export const f = (source: string) => new Function(source);\n`,
    rule: 'no-new-func',
  },
  {
    name: 'Function without new',
    code: `export const f = (source: string) => Function(source);\n`,
    rule: 'no-new-func',
  },
  {
    name: 'setTimeout with a string',
    code: `export const f = () => setTimeout('run()', 10);\n`,
    rule: 'no-implied-eval',
  },
  {
    name: 'new Function in the SDK',
    code: `export const f = (source: string) => new Function(source);\n`,
    rule: 'no-new-func',
    file: SDK_FILE,
  },
];

/** Snippets that do the same work safely; no rule may report them. */
const SAFE = `import { html } from 'lit';
import { literal, html as staticHtml } from 'lit/static-html.js';

export const row = (name: string) => html\`<p title=\${name} .textContent=\${name}>\${name}</p>\`;
export const button = (run: () => void) => html\`<button type="button" @click=\${run}>Run once</button>\`;
export const heading = (name: string) => staticHtml\`<\${literal\`h2\`}>\${name}</\${literal\`h2\`}>\`;
export function label(element: Element, name: string) {
  element.textContent = name;
  element.setAttribute('aria-label', name);
}
export const later = (run: () => void) => setTimeout(run, 10);
`;

let eslint: ESLint;

before(() => {
  eslint = new ESLint({ cwd: repositoryRoot });
});

/** Lints `code` as the file `file` and returns the ids of the rules that reported it. */
async function rulesReporting(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  assert.ok(result, 'ESLint returned no result');
  const fatal = result.messages.filter((message) => message.fatal);
  assert.deepEqual(fatal, [], 'the snippet does not parse');
  return result.messages.map((message) => message.ruleId ?? '');
}

describe('lint rules against markup and code from strings', () => {
  for (const { name, code, rule, file } of [...UNSAFE_MARKUP, ...EVALUATED_CODE]) {
    test(`rejects ${name}`, async () => {
      const rules = await rulesReporting(code, file ?? ELEMENT_FILE);

      assert.ok(rules.includes(rule), `expected ${rule}, got ${JSON.stringify(rules)}`);
    });
  }

  test('accepts Lit bindings, literal tags and textContent', async () => {
    const rules = await rulesReporting(SAFE, ELEMENT_FILE);

    assert.deepEqual(rules, []);
  });
});
