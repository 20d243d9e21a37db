/** Tells whether a character is whitespace in CSS and HTML: space, tab, line feed or return. */
export function isWhitespace(character: string): boolean {
  return character === ' ' || character === '\n' || character === '\t' || character === '\r';
}

export function countLineBreaks(text: string): number {
  let count = 0;
  for (const character of text) if (character === '\n') count++;
  return count;
}
