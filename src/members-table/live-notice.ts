import { msg } from '@lit/localize';
import { html, nothing } from 'lit';

import type { LiveStatus } from '../../sdk/store/live-connection.js';

/**
 * Renders the status region that reports paused live updates while the store reconnects its
 * event stream. The region stays in the DOM, empty, in every other state, so that screen
 * readers announce the text when it appears.
 */
export function renderLiveNotice(live: LiveStatus | undefined) {
  return html`
    <p part="live-notice" class="live-notice" role="status">
      ${live === 'reconnecting' ? msg('Live updates paused. Reconnecting…') : nothing}
    </p>
  `;
}
