import { msg } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';

import { localized } from '../i18n/locale-controller.js';
import { styles } from './ls-confirm-dialog.styles.js';

/** The content of the dialog that `confirm()` opens. */
export interface ConfirmOptions {
  /** The dialog's title, such as "Remove Ada Lovelace?". */
  heading: string;
  /** The consequence of confirming, in a sentence or a template. */
  message: string | TemplateResult;
  /** The label of the button that confirms, a verb such as "Remove". */
  confirmLabel: string;
  /** `danger` paints the confirm button in the danger color. Default `default`. */
  tone?: 'danger' | 'default';
}

/** The `returnValue` of the dialog when the confirm button closed it. */
const CONFIRMED = 'confirm';

/**
 * @summary A modal confirmation on a native `<dialog>`, opened with `confirm()`, which
 * resolves `true` on confirm and `false` on cancel or Escape.
 *
 * Focus moves to Cancel when the dialog opens, the least destructive choice, and returns to
 * the element that was focused before, also inside a shadow root, when it closes. The
 * element renders nothing visible until `confirm()` is called.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart heading - The heading.
 * @csspart message - The paragraph with the message.
 * @csspart actions - The row of buttons.
 * @csspart cancel-button - The button that cancels.
 * @csspart confirm-button - The button that confirms.
 *
 * @cssprop --ls-confirm-dialog-width - The dialog's width on wide viewports. Default `28rem`.
 * @cssprop --ls-confirm-dialog-backdrop - The backdrop behind the dialog. Default a
 * half-transparent dark gray.
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsConfirmDialog extends LitElement {
  static override styles = styles;

  @state() private options: ConfirmOptions | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  #settle: ((confirmed: boolean) => void) | undefined;
  #opener: HTMLElement | null = null;

  /**
   * Opens the dialog and resolves `true` when the person confirms, or `false` when they
   * cancel, press Escape, or a later `confirm()` call replaces this one.
   */
  async confirm(options: ConfirmOptions): Promise<boolean> {
    const replaced = this.#settle;
    if (replaced === undefined) {
      this.#opener = deepActiveElement();
    } else {
      // The dialog stays open with the new content, and focus still returns to the opener.
      this.#settle = undefined;
      replaced(false);
    }
    this.options = options;
    const result = new Promise<boolean>((resolve) => {
      this.#settle = resolve;
    });

    await this.updateComplete;
    if (!this.isConnected) {
      this.#finish(false);
      return result;
    }
    this.dialog.returnValue = '';
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('[part="cancel-button"]')?.focus();
    return result;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#finish(false);
  }

  protected override render() {
    const options = this.options;
    return html`
      <dialog
        part="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="heading"
        aria-describedby="message"
        class=${options?.tone === 'danger' ? 'danger' : 'default'}
        @close=${this.#onClose}
      >
        ${options === null ? nothing : this.#renderContent(options)}
      </dialog>
    `;
  }

  #renderContent(options: ConfirmOptions) {
    // method="dialog" closes the dialog and sets its returnValue to the clicked button's value.
    return html`
      <form method="dialog">
        <h2 id="heading" part="heading">${options.heading}</h2>
        <p id="message" part="message">${options.message}</p>
        <div part="actions">
          <button part="cancel-button" type="submit" value="cancel">${msg('Cancel')}</button>
          <button part="confirm-button" type="submit" value=${CONFIRMED}>
            ${options.confirmLabel}
          </button>
        </div>
      </form>
    `;
  }

  #onClose(): void {
    this.#finish(this.dialog.returnValue === CONFIRMED);
  }

  #finish(confirmed: boolean): void {
    const settle = this.#settle;
    if (settle === undefined) return;
    this.#settle = undefined;

    if (this.dialog?.open) this.dialog.close();
    // Focus is returned explicitly instead of relying on the dialog's own restoring, so that it
    // also reaches an opener inside a shadow root and after a replaced confirm() call.
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    settle(confirmed);
  }
}

/** Returns the focused element, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
