/**
 * Describes an element in one line, such as `button[part="assign-button"] "No license. Assign
 * a license to Ada Lovelace"`. Assertions compare these labels instead of the elements,
 * because when `expect(element).to.equal(other)` fails inside a rendered table, the test
 * runner stalls until its timeout while it serializes the elements for the report.
 */
export function labelOf(element: Element | null | undefined): string {
  if (element === null || element === undefined) return '(no element)';

  const part = element.getAttribute('part');
  const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
  const text = name.replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${element.localName}${part === null ? '' : `[part="${part}"]`} "${text}"`;
}
