import { msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';

import type {
  AuthToken,
  PreviousAuthToken,
  RotatedAuthToken,
} from '../../sdk/schemas/auth-token.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import '../confirm-dialog/define.js';
import type { LsConfirmDialog } from '../confirm-dialog/ls-confirm-dialog.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { LsAuthTokenRotatedEvent } from '../events/auth-token-rotated-event.js';
import { LsErrorEvent } from '../events/error-event.js';
import { formatDate, formatDateTime, formatRelativeTime } from '../i18n/format.js';
import { localized } from '../i18n/locale-controller.js';
import { describeError } from '../shared/describe-error.js';
import { headingTag } from '../shared/heading.js';
import { copyToClipboard } from './clipboard.js';
import type { GracePeriodChoice } from './grace-period-choice.js';
import { renderGracePeriodChoice, rotationConfirmMessage } from './grace-period-choice.js';
import { styles } from './ls-auth-token.styles.js';
import {
  announcedRevocations,
  renderUnannouncedRevocations,
  revokedTokenNote,
  unannouncedRevocations,
} from './revoked-tokens.js';

type CopyResult = 'copied' | 'unavailable' | null;

/** Returns the sentence that says until when the previous token keeps working. */
function previousTokenNote(hint: string, until: string, relative: string) {
  const code = html`<code part="previous-hint">${hint}</code>`;
  return msg(html`Your previous token ${code} keeps working until ${until} (${relative}).`);
}

/**
 * @summary The signed-in user's own auth token: its masked hint with the dates it was created
 * and last used, and Rotate, which replaces it after a confirmation and shows the full new
 * value once, with Copy. Before rotating, the person picks whether the current token stops
 * working at once or keeps working for 1 hour, 1 day or 7 days as the previous token. While
 * the previous token works, its hint and end are shown with "Revoke now".
 *
 * Works inside `<ls-workspace>`, or with the `store` property set directly, for admins and
 * members alike. The masked hint cannot be copied usefully, so Copy is offered only while the
 * full value is shown. The full value stays until the person presses "Hide token"; the server
 * never returns it again.
 *
 * @fires ls-auth-token-rotated - `LsAuthTokenRotatedEvent` with the new token's masked hint,
 * after a rotation succeeded. The full value is never in an event.
 * @fires ls-error - `LsErrorEvent` with action `load-auth-token`, `rotate-auth-token` or
 * `revoke-previous-auth-token`.
 * @fires ls-unauthorized - `LsUnauthorizedEvent`, once for a burst of requests whose session
 * token was rejected, also after a refresh. Sign the user in again.
 *
 * @csspart base - The section around everything.
 * @csspart hint - The masked token, such as `lsat_…a1b2`.
 * @csspart rotate-button - The button that rotates the token.
 * @csspart grace-period - The radio group that picks how long the current token keeps working.
 * @csspart previous - The line about the previous token during its grace period.
 * @csspart previous-hint - The masked previous token.
 * @csspart revoke-previous-button - The button that stops the previous token now.
 * @csspart new-token - The panel with the full new token, shown once after a rotation.
 * @csspart revoked - The list of tokens that a rotation stopped although its confirmation did
 * not name them, because the token was rotated elsewhere meanwhile.
 * @csspart token-input - The read-only field with the full new token.
 * @csspart copy-button - The button that copies the full new token.
 * @csspart hide-button - The button that hides the full new token.
 * @csspart error - The alert shown when loading or rotating failed.
 *
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsAuthToken extends LitElement {
  static override styles = styles;

  /** The store whose client sends the requests; defaults to the one of `<ls-workspace>`. */
  @property({ attribute: false }) store?: WorkspaceStore;

  /**
   * The level of the "Auth token" heading, 2 (`<h2>`) by default. Set 3 inside a section that
   * has its own `<h2>`.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private token: AuthToken | null = null;
  @state() private loadError: unknown = null;
  /** The response to the last rotation, with the full value, until the person hides it. */
  @state() private rotated: RotatedAuthToken | null = null;
  @state() private rotating = false;
  /**
   * The hints of the tokens that the last rotation stopped without the confirmation naming
   * them, because the token changed elsewhere after the confirmation loaded it.
   */
  @state() private unannouncedRevoked: string[] = [];
  @state() private rotateError: unknown = null;
  @state() private copyResult: CopyResult = null;
  /** How long the current token keeps working after the next rotation, in seconds. */
  @state() private gracePeriodSeconds: GracePeriodChoice = 0;
  @state() private revokingPrevious = false;
  @state() private revokeError: unknown = null;

  #reloading = false;

  @query('ls-confirm-dialog') private dialog!: LsConfirmDialog;

  readonly #announcer = new AnnouncerController(this);
  readonly #store = new StoreController(this, () => {
    this.token = null;
    this.rotated = null;
    this.unannouncedRevoked = [];
    this.revokeError = null;
    void this.#load();
  });

  #renderHeading() {
    const tag = headingTag(this.headingLevel);
    return staticHtml`<${tag} id="title" class="title">${msg('Auth token')}</${tag}>`;
  }

  protected override render() {
    return html`
      <section part="base" aria-labelledby="title" aria-busy=${this.#loading}>
        ${this.#renderHeading()}
        <p class="muted">
          ${msg('Command-line tools and scripts sign in as you with this token.')}
        </p>
        ${this.#renderLoadState()} ${this.token === null ? nothing : this.#renderToken(this.token)}
        ${this.#renderRotateError()}
        ${renderGracePeriodChoice(
          this.gracePeriodSeconds,
          this.token === null || this.rotating,
          (seconds) => (this.gracePeriodSeconds = seconds),
        )}
        <div class="actions">
          <button
            part="rotate-button"
            type="button"
            ?disabled=${this.token === null || this.rotating}
            aria-busy=${this.rotating ? 'true' : 'false'}
            @click=${this.#rotate}
          >
            <span class="spinner" aria-hidden="true" ?hidden=${!this.rotating}></span>
            ${msg('Rotate token')}
          </button>
        </div>
      </section>
      <ls-confirm-dialog></ls-confirm-dialog>
      ${this.#announcer.region()}
    `;
  }

  get #loading(): boolean {
    return this.token === null && this.loadError === null;
  }

  #renderLoadState() {
    if (this.#loading) return html`<p class="muted">${msg('Loading your auth token…')}</p>`;
    if (this.loadError === null) return nothing;
    return html`
      <div part="error" class="alert" role="alert">
        <span>${msg(str`Could not load your auth token. ${describeError(this.loadError)}`)}</span>
        <button type="button" @click=${() => void this.#load()}>${msg('Retry')}</button>
      </div>
    `;
  }

  #renderToken(token: AuthToken) {
    return html`
      <dl>
        <div>
          <dt>${msg('Token')}</dt>
          <dd><code part="hint">${token.hint}</code></dd>
        </div>
        <div>
          <dt>${msg('Created')}</dt>
          <dd>${formatDate(token.createdAt)}</dd>
        </div>
        <div>
          <dt>${msg('Last used')}</dt>
          <dd>${token.lastUsedAt === null ? msg('Never') : formatDate(token.lastUsedAt)}</dd>
        </div>
      </dl>
      ${this.#renderPrevious(token.previous)}
      ${
        this.rotated === null
          ? html`<p class="muted once">
              ${msg('The full token is shown once, after you rotate it.')}
            </p>`
          : this.#renderNewToken(this.rotated)
      }
      ${renderUnannouncedRevocations(this.unannouncedRevoked)}
    `;
  }

  #renderPrevious(previous: PreviousAuthToken | null) {
    if (previous === null || Date.parse(previous.expiresAt) <= Date.now()) return nothing;
    const until = formatDateTime(previous.expiresAt);
    const relative = formatRelativeTime(previous.expiresAt);
    return html`
      <div part="previous" class="previous">
        <p>${previousTokenNote(previous.hint, until, relative)}</p>
        <button
          part="revoke-previous-button"
          type="button"
          ?disabled=${this.revokingPrevious}
          aria-busy=${this.revokingPrevious ? 'true' : 'false'}
          @click=${this.#revokePrevious}
        >
          ${msg('Revoke now')}
        </button>
        ${
          this.revokeError === null
            ? nothing
            : html`<div part="error" class="alert" role="alert">
                ${msg(
                  str`Could not revoke your previous token. ${describeError(this.revokeError)} It still works until ${until}.`,
                )}
              </div>`
        }
      </div>
    `;
  }

  #renderNewToken(rotated: RotatedAuthToken) {
    const until = rotated.previous === null ? null : formatDateTime(rotated.previous.expiresAt);
    return html`
      <div part="new-token" class="new-token">
        <p id="once-warning" class="warning">
          <strong>${msg('Copy your new token now.')}</strong>
          ${
            until === null
              ? msg(
                  "It won't be shown again. Tools that used the old token stop working until you give them this one.",
                )
              : msg(
                  str`It won't be shown again. Tools that use the old token keep working until ${until}; give them this one before then.`,
                )
          }
        </p>
        <label for="new-token">${msg('New auth token')}</label>
        <div class="copy-row">
          <input
            id="new-token"
            part="token-input"
            type="text"
            readonly
            spellcheck="false"
            autocomplete="off"
            aria-describedby="once-warning copy-result"
            .value=${rotated.token}
            @focus=${(event: Event) => (event.target as HTMLInputElement).select()}
          />
          <button part="copy-button" type="button" @click=${this.#copy}>${msg('Copy')}</button>
        </div>
        <p id="copy-result" class="copy-result">${this.#copyMessage()}</p>
        <button part="hide-button" type="button" @click=${this.#hide}>${msg('Hide token')}</button>
      </div>
    `;
  }

  #copyMessage(): string {
    if (this.copyResult === 'copied') return msg('Copied to the clipboard.');
    if (this.copyResult === 'unavailable') {
      return msg(
        'The clipboard is not available here. The token is selected: copy it with Ctrl+C or ⌘C.',
      );
    }
    return '';
  }

  #renderRotateError() {
    if (this.rotateError === null) return nothing;
    return html`
      <div part="error" class="alert" role="alert">
        ${msg(
          str`Could not rotate your auth token. ${describeError(this.rotateError)} Your current token still works.`,
        )}
      </div>
    `;
  }

  async #load(): Promise<void> {
    const store = this.#store.store;
    if (store === undefined) return;

    this.loadError = null;
    try {
      const token = await store.client.getOwnAuthToken();
      if (store === this.#store.store) this.token = token;
    } catch (error) {
      if (store !== this.#store.store) return;
      this.loadError = error;
      this.dispatchEvent(new LsErrorEvent(error, 'load-auth-token'));
    }
  }

  async #rotate(): Promise<void> {
    const store = this.#store.store;
    if (store === undefined || this.rotating) return;

    // Another tab or a script may have rotated the token since it was loaded, so the
    // confirmation describes the current and previous token as the server has them now.
    const current = await this.#reloadForRotation(store);
    if (current === null) return;

    const gracePeriodSeconds = this.gracePeriodSeconds;
    const now = new Date();
    const confirmed = await this.dialog.confirm({
      heading: msg('Rotate your auth token?'),
      message: rotationConfirmMessage(gracePeriodSeconds, current.previous, now),
      confirmLabel: msg('Rotate token'),
      tone: 'danger',
    });
    if (!confirmed) return;

    const announced = announcedRevocations(current, gracePeriodSeconds, now);
    this.rotating = true;
    this.rotateError = null;
    try {
      const rotated = await store.client.rotateOwnAuthToken({ gracePeriodSeconds });
      const unannounced = unannouncedRevocations(rotated.revokedTokenHints, announced);
      this.token = {
        hint: rotated.hint,
        createdAt: rotated.createdAt,
        lastUsedAt: rotated.lastUsedAt,
        previous: rotated.previous,
      };
      this.revokeError = null;
      this.rotated = rotated;
      this.unannouncedRevoked = unannounced;
      this.copyResult = null;
      this.#announcer.announce(
        [
          msg('Auth token rotated. Copy the new token now; it is shown once.'),
          ...unannounced.map(revokedTokenNote),
        ].join(' '),
      );
      this.dispatchEvent(new LsAuthTokenRotatedEvent(rotated.hint));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#new-token')?.focus();
    } catch (error) {
      this.rotateError = error;
      this.dispatchEvent(new LsErrorEvent(error, 'rotate-auth-token'));
    } finally {
      this.rotating = false;
    }
    // The button was disabled while the request ran, which took focus away from it.
    if (this.rotateError !== null) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="rotate-button"]')?.focus();
    }
  }

  /**
   * Loads the token again before the rotation confirmation opens. Returns `null`, and shows the
   * failure, when the request failed or the store changed meanwhile.
   */
  async #reloadForRotation(store: WorkspaceStore): Promise<AuthToken | null> {
    // The button stays enabled and focused, so the dialog returns focus to it, and a second
    // click during the request does nothing.
    if (this.#reloading) return null;
    this.#reloading = true;
    this.rotateError = null;
    try {
      const token = await store.client.getOwnAuthToken();
      if (store !== this.#store.store) return null;
      this.token = token;
      return token;
    } catch (error) {
      if (store !== this.#store.store) return null;
      this.rotateError = error;
      this.dispatchEvent(new LsErrorEvent(error, 'rotate-auth-token'));
      return null;
    } finally {
      this.#reloading = false;
    }
  }

  async #revokePrevious(): Promise<void> {
    const store = this.#store.store;
    const previous = this.token?.previous ?? null;
    if (store === undefined || previous === null || this.revokingPrevious) return;

    const confirmed = await this.dialog.confirm({
      heading: msg('Revoke your previous token now?'),
      message: msg(
        str`Tools and scripts that still use ${previous.hint} stop working at once, until you give them your current token.`,
      ),
      confirmLabel: msg('Revoke now'),
      tone: 'danger',
    });
    if (!confirmed) return;

    this.revokingPrevious = true;
    this.revokeError = null;
    try {
      const token = await store.client.revokePreviousAuthToken();
      if (store !== this.#store.store) return;
      this.token = token;
      this.#announcer.announce(msg(str`The previous token ${previous.hint} no longer works.`));
    } catch (error) {
      this.revokeError = error;
      this.dispatchEvent(new LsErrorEvent(error, 'revoke-previous-auth-token'));
    } finally {
      this.revokingPrevious = false;
    }
    // After a revocation the line and its button are gone, so focus moves to Rotate. After a
    // failure the button was disabled while the request ran, which took focus away from it.
    await this.updateComplete;
    const target = this.revokeError === null ? 'rotate-button' : 'revoke-previous-button';
    this.renderRoot.querySelector<HTMLElement>(`[part="${target}"]`)?.focus();
  }

  async #copy(): Promise<void> {
    const rotated = this.rotated;
    if (rotated === null) return;

    const copied = await copyToClipboard(rotated.token);
    this.copyResult = copied ? 'copied' : 'unavailable';
    if (copied) {
      this.#announcer.announce(msg('Copied to the clipboard.'));
      return;
    }
    // Selecting the value leaves the person one keystroke from copying it themselves.
    const input = this.renderRoot.querySelector<HTMLInputElement>('#new-token');
    input?.focus();
    input?.select();
  }

  async #hide(): Promise<void> {
    this.rotated = null;
    this.unannouncedRevoked = [];
    this.copyResult = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="rotate-button"]')?.focus();
  }
}
