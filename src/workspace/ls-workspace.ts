import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';

import {
  createWorkspaceClient,
  WorkspaceStore,
  type TokenProvider,
  type WorkspaceClient,
} from '../../sdk/index.js';
import { workspaceContext } from '../context/workspace-context.js';
import { matchLocale, preferredLocale, setActiveLocale } from '../i18n/localization.js';
import { warnOnce } from '../shared/dev-warning.js';
import { styles } from './ls-workspace.styles.js';

/** The properties whose change means a different workspace, session or API. */
const STORE_INPUTS = ['apiBase', 'workspace', 'token', 'getToken', 'client', 'store'] as const;

/**
 * @summary Provides one workspace store to every ls-admin element inside it.
 *
 * @slot - The elements that share the workspace, such as `<ls-members-table>`.
 *
 * The store comes from, in order of precedence: the `store` property, the `client` property,
 * or a client that the element creates from `api-base`, `workspace` and `token` or `getToken`.
 * Changing any of these replaces the store, and the elements inside switch to the new one.
 *
 * It also sets the language of the elements: `locale`, or else the page's. The language is
 * page-wide, because @lit/localize keeps one locale per page: every ls-admin element renders
 * in the locale that the last connected or changed `<ls-workspace>` set.
 */
export class LsWorkspace extends LitElement {
  static override styles = styles;

  /** The API root that `/v1` hangs off, such as `https://admin.example.com`. Defaults to the page's origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The workspace id, such as `ws_demo`. */
  @property() workspace = '';

  /** A fixed session token of the signed-in user. */
  @property({ attribute: false }) token?: string;

  /** A function that returns the current session token; used in place of `token`. */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** A ready client; `api-base`, `workspace` and the token are then ignored. */
  @property({ attribute: false }) client?: WorkspaceClient;

  /** A ready store; every other input is then ignored. */
  @property({ attribute: false }) store?: WorkspaceStore;

  /**
   * The language of the elements, `en` or `de`; a tag such as `de-AT` uses its language. Without
   * it the elements follow `<html lang>`, then the browser's languages, then English. A value
   * with no catalog falls back to English with a development warning. The locale is page-wide.
   */
  @property({ reflect: true }) locale?: string;

  readonly #provider = new ContextProvider(this, { context: workspaceContext });

  /** The store that the element provides, or `undefined` while its inputs are incomplete. */
  get workspaceStore(): WorkspaceStore | undefined {
    return this.#provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (STORE_INPUTS.some((name) => changed.has(name))) this.#replaceStore();
    if (changed.has('locale') || !this.hasUpdated) this.#applyLocale();
  }

  #applyLocale(): void {
    const requested = this.locale ?? '';
    let locale = requested === '' ? preferredLocale() : matchLocale(requested);
    if (locale === undefined) {
      warnOnce(
        this,
        `has no messages in the locale "${requested}", so it shows English. ` +
          'Set locale to "en" or "de", or remove it to follow the page\'s language.',
      );
      locale = 'en';
    }
    setActiveLocale(locale).catch((error: unknown) => {
      warnOnce(this, `could not load the messages of the locale "${locale}": ${String(error)}`);
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #replaceStore(): void {
    const store = this.store ?? this.#createStore();
    if (store === this.#provider.value) return;

    // Loading starts before the store is provided, so no consumer finds it unused and loads it too.
    if (store !== undefined && store !== this.store) void store.load();
    this.#provider.setValue(store);
  }

  #createStore(): WorkspaceStore | undefined {
    const client = this.client ?? this.#createClient();
    return client === undefined ? undefined : new WorkspaceStore(client);
  }

  #createClient(): WorkspaceClient | undefined {
    if (this.workspace === '') return undefined;
    if (this.token === undefined && this.getToken === undefined) return undefined;

    return createWorkspaceClient({
      baseUrl: this.apiBase === '' ? globalThis.location.origin : this.apiBase,
      workspaceId: this.workspace,
      token: this.getToken === undefined ? this.token : undefined,
      getToken: this.getToken,
    });
  }
}
