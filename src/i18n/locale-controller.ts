import { updateWhenLocaleChanges } from '@lit/localize';
import type { ReactiveController, ReactiveElement } from 'lit';

import { activeLocale } from './localization.js';

/**
 * Re-renders an element when the page's locale changes, and sets the element's `lang` to that
 * locale, so that screen readers pronounce its text in the right language and `hyphens: auto`
 * breaks long words by the right rules.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  hostUpdate(): void {
    const locale = activeLocale();
    if (this.#host.lang !== locale) this.#host.lang = locale;
  }
}

/**
 * Adds a `LocaleController` to every instance of the decorated element class, as Lit's own
 * `@localized()` does, with the `lang` attribute on top.
 */
export function localized() {
  return (elementClass: typeof ReactiveElement): void => {
    elementClass.addInitializer((element) => new LocaleController(element));
  };
}
