import '../auth-token/define.js';
import '../invite-form/define.js';
import '../key-migration/define.js';
import '../licenses/define.js';
import '../members-table/define.js';
import { LsUsersLicenses } from './ls-users-licenses.js';

if (!customElements.get('ls-users-licenses')) {
  customElements.define('ls-users-licenses', LsUsersLicenses);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-users-licenses': LsUsersLicenses;
  }
}
