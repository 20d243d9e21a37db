import '../confirm-dialog/define.js';
import { LsKeyMigration } from './ls-key-migration.js';

if (!customElements.get('ls-key-migration')) {
  customElements.define('ls-key-migration', LsKeyMigration);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-key-migration': LsKeyMigration;
  }
}
