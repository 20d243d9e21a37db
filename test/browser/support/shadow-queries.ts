import { waitUntil } from './wait-until.js';

function rootOf(element: Element): ShadowRoot {
  if (element.shadowRoot === null) throw new Error(`<${element.localName}> has no shadow root.`);
  return element.shadowRoot;
}

/** Returns the first element in `element`'s shadow root that matches `selector`, or `null`. */
export function shadowQuery<T extends Element = HTMLElement>(
  element: Element,
  selector: string,
): T | null {
  return rootOf(element).querySelector<T>(selector);
}

/** Returns every element in `element`'s shadow root that matches `selector`. */
export function shadowQueryAll<T extends Element = HTMLElement>(
  element: Element,
  selector: string,
): T[] {
  return [...rootOf(element).querySelectorAll<T>(selector)];
}

/** Returns the element with part `name` in `element`'s shadow root, or throws. */
export function partOf<T extends Element = HTMLElement>(element: Element, name: string): T {
  const found = shadowQuery<T>(element, `[part~="${name}"]`);
  if (found === null) throw new Error(`<${element.localName}> shows no part "${name}".`);
  return found;
}

/** Returns the text of an element with runs of whitespace collapsed to one space. */
export function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `element`'s shadow root contains a match for `selector`, and returns it. */
export async function untilShadow<T extends Element = HTMLElement>(
  element: Element,
  selector: string,
  timeout = 5000,
): Promise<T> {
  await waitUntil(
    () => shadowQuery(element, selector) !== null,
    `<${element.localName}> did not show ${selector}`,
    { timeout },
  );
  return shadowQuery<T>(element, selector) as T;
}

/** Returns the focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
