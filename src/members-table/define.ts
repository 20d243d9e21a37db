import '../confirm-dialog/define.js';

import { LsMembersTable } from './ls-members-table.js';

if (!customElements.get('ls-members-table')) {
  customElements.define('ls-members-table', LsMembersTable);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-members-table': LsMembersTable;
  }
}
