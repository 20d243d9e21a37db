import { LsAuthToken } from './ls-auth-token.js';

if (!customElements.get('ls-auth-token')) {
  customElements.define('ls-auth-token', LsAuthToken);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-auth-token': LsAuthToken;
  }
}
