import { expect, waitFor } from 'storybook/test';

/** The maximum wait of a play function for the in-browser API and a render, in milliseconds. */
const WAIT_MS = 8000;

/** Returns the first element with tag `tag` in the story, or throws. */
export function elementIn<K extends keyof HTMLElementTagNameMap>(
  canvas: HTMLElement,
  tag: K,
): HTMLElementTagNameMap[K] {
  const element = canvas.querySelector(tag);
  if (element === null) throw new Error(`The story rendered no <${tag}>.`);
  return element;
}

/** Returns the open shadow root of `element`, or throws. */
export function shadowOf(element: Element): ShadowRoot {
  if (element.shadowRoot === null) throw new Error(`<${element.localName}> has no shadow root.`);
  return element.shadowRoot;
}

/** Returns the first match of `selector` in `element`'s shadow root, or `null`. */
export function inShadow<T extends Element = HTMLElement>(
  element: Element,
  selector: string,
): T | null {
  return shadowOf(element).querySelector<T>(selector);
}

/** Waits until `element`'s shadow root contains `selector`, and returns the match. */
export async function untilShadow<T extends Element = HTMLElement>(
  element: Element,
  selector: string,
): Promise<T> {
  let found: T | null = null;
  await waitFor(
    () => {
      found = inShadow<T>(element, selector);
      expect(found, `<${element.localName}> shows ${selector}`).not.toBeNull();
    },
    { timeout: WAIT_MS },
  );
  return found as unknown as T;
}

/** Waits until `check` passes, retrying for as long as the in-browser API may take. */
export function eventually(check: () => void | Promise<void>): Promise<void> {
  return waitFor(check, { timeout: WAIT_MS });
}

/** Returns the text of an element with runs of whitespace collapsed to one space. */
export function textOf(element: Node | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Asserts that an element rendered its shadow tree. An element compiled with the wrong class
 * field semantics renders nothing and throws nothing, so every story checks this first.
 */
export async function expectRendered(element: Element, selector = '[part~="base"]') {
  const rendered = await untilShadow(element, selector);
  await expect(rendered).toBeVisible();
}
