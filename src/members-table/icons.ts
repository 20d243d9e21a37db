import { html } from 'lit';

/** The down-pointing chevron of a menu button; decorative, because the button has a name. */
export const chevron = html`<svg
  class="icon"
  aria-hidden="true"
  viewBox="0 0 16 16"
  width="12"
  height="12"
>
  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" />
</svg>`;

/**
 * A spinner beside the label of a control whose request is running. It is decorative, because
 * `aria-busy` on the control carries the state.
 */
export const spinner = html`<span class="spinner" aria-hidden="true"></span>`;
