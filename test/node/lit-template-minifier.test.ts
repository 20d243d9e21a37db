import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { minifyCss } from '../../scripts/lit-templates/minify-css.js';
import { minifyHtml } from '../../scripts/lit-templates/minify-html.js';
import { minifyLitTemplates } from '../../scripts/lit-templates/minify-templates.js';

const lineCount = (text: string) => text.split('\n').length;

describe('minifyCss', () => {
  test('removes comments and spaces around punctuation', () => {
    const css = '.a,\n.b {\n  /* why */\n  color: red;\n  margin: 0 auto;\n}\n';

    assert.equal(minifyCss(css), '.a,\n.b{\n\ncolor:red;\nmargin:0 auto\n}\n');
  });

  test('keeps the line count', () => {
    const css = ':host {\n  display: block;\n  /* a comment\n     over two lines */\n}\n';

    assert.equal(lineCount(minifyCss(css)), lineCount(css));
  });

  test('keeps a descendant combinator', () => {
    assert.equal(
      minifyCss('.row :focus-visible { outline: none; }'),
      '.row :focus-visible{outline:none}',
    );
  });

  test('keeps strings and escapes as written', () => {
    const css = 'a::before { content: \' ;  { } \'; } b::after { content: "\\\\  x"; }';

    assert.equal(minifyCss(css), 'a::before{content:\' ;  { } \'}b::after{content:"\\\\  x"}');
  });

  test('keeps spaces next to expressions', () => {
    assert.equal(minifyCss('padding: calc(\0 * 2) \0;'), 'padding:calc(\0 * 2) \0;');
  });

  test('keeps values apart without comments', () => {
    assert.equal(minifyCss('border: 1px/* width */solid;'), 'border:1px solid;');
  });

  test('drops the last semicolon', () => {
    assert.equal(minifyCss('a { color: red;\n}'), 'a{color:red\n}');
  });

  test('minifies media query conditions', () => {
    const css = '@media (forced-colors: active) and (min-width: 40rem) {\n  a { color: red; }\n}';

    assert.equal(
      minifyCss(css),
      '@media (forced-colors:active) and (min-width:40rem){\na{color:red}\n}',
    );
  });
});

describe('minifyHtml', () => {
  test('shortens whitespace to its line breaks', () => {
    const html = '\n    <div class="field">\n      <label for="name">Name</label>\n    </div>\n  ';

    assert.equal(
      minifyHtml(html),
      '\n<div class="field">\n<label for="name">Name</label>\n</div>\n',
    );
  });

  test('shortens spaces on one line', () => {
    assert.equal(minifyHtml('<b>a</b>   <i>b</i>'), '<b>a</b> <i>b</i>');
  });

  test('keeps quoted attribute values as written', () => {
    const html = '<p title="two  spaces\n   and a break" class=\'a  b\'>x</p>';

    assert.equal(minifyHtml(html), html);
  });

  test('treats apostrophes in text as text', () => {
    assert.equal(minifyHtml("<p>Don't   stop,   it's  fine</p>"), "<p>Don't stop, it's fine</p>");
  });

  test('keeps space after an unquoted binding', () => {
    assert.equal(minifyHtml('<input\n  value=\0\n  />'), '<input\nvalue=\0\n/>');
  });

  test('keeps preformatted content and comments', () => {
    const html = '<pre>  a\n    b</pre>  <textarea>\n  x  </textarea>  <!--  note  -->';

    assert.equal(
      minifyHtml(html),
      '<pre>  a\n    b</pre> <textarea>\n  x  </textarea> <!--  note  -->',
    );
  });
});

describe('minifyLitTemplates', () => {
  test('minifies css and html from Lit', () => {
    const code = [
      "import { css, html } from 'lit';",
      'const styles = css`',
      '  :host {',
      '    display: block;',
      '  }',
      '`;',
      'const view = html`',
      '  <p class="a">  ${name}  </p>',
      '`;',
    ].join('\n');

    const minified = minifyLitTemplates(code, 'element.ts');

    assert.equal(
      minified,
      [
        "import { css, html } from 'lit';",
        'const styles = css`',
        ':host{',
        'display:block',
        '}',
        '`;',
        'const view = html`',
        '<p class="a"> ${name} </p>',
        '`;',
      ].join('\n'),
    );
  });

  test('follows renamed imports and nested templates', () => {
    const code = [
      "import { html as staticHtml } from 'lit/static-html.js';",
      'const view = staticHtml`<${tag}   id="t">${items.map((item) => staticHtml`<li>   ${item}</li>`)}</${tag}>`;',
    ].join('\n');

    const minified = minifyLitTemplates(code, 'element.ts');

    assert.equal(
      minified,
      [
        "import { html as staticHtml } from 'lit/static-html.js';",
        'const view = staticHtml`<${tag} id="t">${items.map((item) => staticHtml`<li> ${item}</li>`)}</${tag}>`;',
      ].join('\n'),
    );
  });

  test('ignores html tags of other libraries', () => {
    const code = "import { html } from 'other-library';\nconst view = html`<p>   a</p>`;";

    assert.equal(minifyLitTemplates(code, 'page.ts'), null);
  });

  test('returns null without Lit templates', () => {
    assert.equal(minifyLitTemplates('export const x = `a   b`;', 'module.ts'), null);
  });

  test('keeps line counts of every element', () => {
    const files = sourceFiles('src');
    let minifiedCount = 0;

    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const minified = minifyLitTemplates(code, file);
      if (minified === null) continue;
      minifiedCount++;
      assert.equal(lineCount(minified), lineCount(code), file);
      assert.ok(minified.length < code.length, file);
    }
    assert.ok(minifiedCount > 10, `only ${minifiedCount} modules had Lit templates`);
  });
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
