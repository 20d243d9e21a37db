import { LsConfirmDialog } from './ls-confirm-dialog.js';

if (!customElements.get('ls-confirm-dialog')) {
  customElements.define('ls-confirm-dialog', LsConfirmDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-confirm-dialog': LsConfirmDialog;
  }
}
