import { LsLicenses } from './ls-licenses.js';

if (!customElements.get('ls-licenses')) {
  customElements.define('ls-licenses', LsLicenses);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-licenses': LsLicenses;
  }
}
