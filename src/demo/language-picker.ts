import type { LsWorkspace } from '../workspace/ls-workspace.js';

/** The languages that the demo offers, each named in its own language. */
const LANGUAGES = [
  { locale: 'en', name: 'English' },
  { locale: 'de', name: 'Deutsch' },
] as const;

/**
 * Sets the demo's language from `?lang=de` and adds a select before the workspace that
 * switches it live. The choice goes into the address, so a reload keeps it.
 */
export function addLanguagePicker(workspace: LsWorkspace): void {
  const requested = new URLSearchParams(location.search).get('lang');
  const initial = LANGUAGES.find(({ locale }) => locale === requested)?.locale ?? 'en';
  applyLanguage(workspace, initial);

  const label = document.createElement('label');
  label.id = 'language';
  label.textContent = 'Language ';
  const select = document.createElement('select');
  for (const { locale, name } of LANGUAGES) {
    const option = new Option(name, locale, locale === initial, locale === initial);
    option.lang = locale;
    select.append(option);
  }
  select.addEventListener('change', () => {
    applyLanguage(workspace, select.value);
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    history.replaceState(null, '', url);
  });
  label.append(select);
  workspace.before(label);
}

function applyLanguage(workspace: LsWorkspace, locale: string): void {
  workspace.locale = locale;
  document.documentElement.lang = locale;
}
