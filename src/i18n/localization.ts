import { configureLocalization, type LocaleModule } from '@lit/localize';

import { sourceLocale, targetLocales } from '../locales/locale-codes.js';

/** A language that the elements have a catalog for. */
export type SupportedLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const SUPPORTED_LOCALES: readonly SupportedLocale[] = [sourceLocale, ...targetLocales];

/** The two functions that `configureLocalization` of @lit/localize returns. */
export interface Localization {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

let localization: Localization | undefined;

/**
 * Loads the elements' messages in `locale`, the `templates` that a `loadLocale` function of
 * @lit/localize returns. The German catalog is a module of its own, so the English bundle does
 * not contain it. A locale without a catalog gets no templates, so the elements show English
 * in a host page that supports more languages than ls-admin.
 */
export async function loadTemplates(locale: string): Promise<LocaleModule> {
  // A literal specifier, because bundlers and the test runner resolve only those.
  if (matchLocale(locale) === 'de') return import('../locales/de.js');
  return { templates: {} };
}

/**
 * Hands ls-admin the localization of a host page that uses @lit/localize itself, because
 * @lit/localize allows one `configureLocalization` call per page. Call it before any
 * `<ls-workspace>` connects. The host's `loadLocale` must merge `loadTemplates(locale)` into
 * its own templates, so that the elements' messages are found too.
 */
export function useSharedLocalization(shared: Localization): void {
  if (localization !== undefined && localization !== shared) {
    throw new Error(
      'ls-admin configured @lit/localize already. Call useSharedLocalization() before the ' +
        'first <ls-workspace> is connected.',
    );
  }
  localization = shared;
}

function configured(): Localization {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: loadTemplates,
  });
  return localization;
}

/** Returns the locale that the elements render in now: `en` until a locale is set. */
export function activeLocale(): string {
  return localization?.getLocale() ?? sourceLocale;
}

/**
 * Switches every element on the page to `locale`, which must be supported. The promise
 * resolves once its catalog has loaded and the elements re-render.
 */
export function setActiveLocale(locale: SupportedLocale): Promise<void> {
  return configured().setLocale(locale);
}

/**
 * Returns the supported locale nearest to a BCP 47 language tag: the tag itself, or its
 * language alone (`de-AT` gives `de`). Returns `undefined` when neither is supported.
 */
export function matchLocale(tag: string): SupportedLocale | undefined {
  const normalized = tag.trim().toLowerCase();
  const language = normalized.split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((locale) => locale === normalized || locale === language);
}

/**
 * Returns the locale for a page that sets none on `<ls-workspace>`: the nearest supported match
 * of `<html lang>`, then of the browser's `navigator.languages`, then English.
 */
export function preferredLocale(): SupportedLocale {
  const candidates = [
    globalThis.document?.documentElement.lang ?? '',
    ...(globalThis.navigator?.languages ?? []),
  ];
  for (const candidate of candidates) {
    if (candidate === '') continue;
    const match = matchLocale(candidate);
    if (match !== undefined) return match;
  }
  return sourceLocale;
}
