import { LsInviteForm } from './ls-invite-form.js';

if (!customElements.get('ls-invite-form')) {
  customElements.define('ls-invite-form', LsInviteForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-invite-form': LsInviteForm;
  }
}
