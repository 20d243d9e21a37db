import { countLineBreaks, isWhitespace } from './whitespace.js';

/** Characters that need no whitespace on either side: block and declaration punctuation. */
const TIGHT = new Set(['{', '}', ';', ',']);

/**
 * Minifies the text of a Lit `css` template. It removes comments, the whitespace next to
 * `{ } ; ,`, the whitespace after `:` and the last `;` of each block, and shortens every
 * other run of whitespace to one space. The space before `:` stays, because it is the
 * descendant combinator in a selector such as `.row :focus-visible`.
 *
 * Strings and escapes stay as written, and a `\0` (where an expression of the template sits)
 * is kept like any other character. A removed run keeps its line breaks, so the text keeps
 * its line count.
 */
export function minifyCss(text: string): string {
  let output = '';
  /** Whether whitespace or a comment came since the last kept character. */
  let pendingSpace = false;
  let pendingBreaks = 0;

  const flushSpace = (next: string | undefined) => {
    if (!pendingSpace) return;
    const previous = output.at(-1);
    if (pendingBreaks > 0) {
      output += '\n'.repeat(pendingBreaks);
    } else if (
      previous !== undefined &&
      next !== undefined &&
      previous !== ':' &&
      !TIGHT.has(previous) &&
      !TIGHT.has(next)
    ) {
      output += ' ';
    }
    pendingSpace = false;
    pendingBreaks = 0;
  };

  let index = 0;
  while (index < text.length) {
    const character = text[index]!;

    if (character === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      const end = close === -1 ? text.length : close + 2;
      pendingSpace = true;
      pendingBreaks += countLineBreaks(text.slice(index, end));
      index = end;
      continue;
    }
    if (isWhitespace(character)) {
      pendingSpace = true;
      if (character === '\n') pendingBreaks++;
      index++;
      continue;
    }

    flushSpace(character);
    let end = index + 1;
    if (character === '"' || character === "'") end = endOfString(text, index);
    else if (character === '\\') end = index + 2;
    else if (character === '}') output = withoutLastSemicolon(output);
    output += text.slice(index, end);
    index = end;
  }
  flushSpace(undefined);
  return output;
}

/** Removes a `;` at the end of the output, also one that only line breaks follow. */
function withoutLastSemicolon(output: string): string {
  const trimmed = output.trimEnd();
  if (!trimmed.endsWith(';')) return output;
  return trimmed.slice(0, -1) + output.slice(trimmed.length);
}

/** Returns the index after the string that opens with the quote at `start`. */
function endOfString(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length && text[index] !== quote) {
    index += text[index] === '\\' ? 2 : 1;
  }
  return Math.min(index + 1, text.length);
}
