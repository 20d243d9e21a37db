import { LsWorkspace } from './ls-workspace.js';

if (!customElements.get('ls-workspace')) {
  customElements.define('ls-workspace', LsWorkspace);
}

declare global {
  interface HTMLElementTagNameMap {
    'ls-workspace': LsWorkspace;
  }
}
