import { countLineBreaks, isWhitespace } from './whitespace.js';

/** Elements whose text keeps its whitespace as written. */
const PREFORMATTED = ['pre', 'textarea'];

/**
 * Minifies the text of a Lit `html` or `svg` template by shortening each run of whitespace,
 * in text and between attributes, to its line breaks, or to one space when it has none. No
 * run is removed, because HTML renders a run of whitespace as one space between inline
 * content, and because an unquoted attribute binding such as `value=${x}` must stay apart
 * from a following `/>`.
 *
 * Quoted attribute values, comments and the content of `<pre>` and `<textarea>` stay as
 * written. `\0` marks where an expression of the template sits.
 */
export function minifyHtml(text: string): string {
  let output = '';
  let index = 0;
  let inTag = false;

  while (index < text.length) {
    const character = text[index]!;

    if (isWhitespace(character)) {
      let end = index;
      while (end < text.length && isWhitespace(text[end]!)) end++;
      const breaks = countLineBreaks(text.slice(index, end));
      output += breaks === 0 ? ' ' : '\n'.repeat(breaks);
      index = end;
      continue;
    }

    if (!inTag && text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      const end = close === -1 ? text.length : close + 3;
      output += text.slice(index, end);
      index = end;
      continue;
    }

    if (!inTag && character === '<') {
      const preformatted = PREFORMATTED.find((name) => opensElement(text, index, name));
      if (preformatted !== undefined) {
        const close = text.indexOf(`</${preformatted}`, index);
        const end = close === -1 ? text.length : close;
        output += text.slice(index, end);
        index = end;
        continue;
      }
      inTag = /[a-zA-Z/\0]/.test(text[index + 1] ?? '');
    } else if (inTag && character === '>') {
      inTag = false;
    } else if (inTag && (character === '"' || character === "'")) {
      const close = text.indexOf(character, index + 1);
      const end = close === -1 ? text.length : close + 1;
      output += text.slice(index, end);
      index = end;
      continue;
    }

    output += character;
    index++;
  }
  return output;
}

function opensElement(text: string, index: number, name: string): boolean {
  if (text.slice(index + 1, index + 1 + name.length).toLowerCase() !== name) return false;
  return /[\s/>\0]/.test(text[index + 1 + name.length] ?? '');
}
