import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

import { inlineStyle } from '../shared/inline-style.js';

/**
 * The styles that hide the live region from sight but not from screen readers, set inline so
 * that they apply in every host's shadow root whatever its own styles.
 */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  overflow: 'hidden',
  'clip-path': 'inset(50%)',
  'white-space': 'nowrap',
  border: '0',
};

/** How long an announcement stays in the live region before it is cleared. */
const CLEAR_AFTER_MS = 7000;

/**
 * Announces results such as "Invited Ada Lovelace" to screen readers through a polite live
 * region. The host renders `announcer.region()` once, anywhere in its shadow root.
 */
export class AnnouncerController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #message = '';
  #clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The text in the live region now, or an empty string. */
  get message(): string {
    return this.#message;
  }

  announce(message: string): void {
    // A repeat of the same text would not change the region, so screen readers would skip it;
    // a trailing no-break space makes it a change.
    this.#message = message === this.#message ? `${message}\u00a0` : message;
    this.#host.requestUpdate();

    clearTimeout(this.#clearTimer);
    this.#clearTimer = setTimeout(() => {
      this.#message = '';
      this.#host.requestUpdate();
    }, CLEAR_AFTER_MS);
  }

  /** Renders the live region; it is visually hidden but read by screen readers. */
  region() {
    return html`<div role="status" aria-live="polite" ${inlineStyle(VISUALLY_HIDDEN)}>
      ${this.#message}
    </div>`;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#clearTimer);
  }
}
