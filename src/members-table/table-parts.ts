import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

import { formatNumber, selectPlural } from '../i18n/format.js';
import { describeError } from '../shared/describe-error.js';
import { inlineStyle } from '../shared/inline-style.js';
import type { MembersView } from './members-view.js';

export function renderTotal(view: MembersView | undefined) {
  if (view?.total === undefined || view.total === null) return nothing;

  const total = formatNumber(view.total);
  const text = selectPlural(view.total, {
    one: msg(str`${total} member`),
    other: msg(str`${total} members`),
  });
  return html`<bdi class="total" part="total">${text}</bdi>`;
}

/** Renders the alert of a failed load with its Retry button. */
export function renderError(view: MembersView | undefined, retry: () => void) {
  if (!view?.error) return nothing;
  return html`
    <div part="error" role="alert">
      <span>${msg(str`Could not load the members. ${describeError(view.error)}`)}</span>
      <button part="retry-button" type="button" @click=${retry}>${msg('Retry')}</button>
    </div>
  `;
}

export function renderSkeletonRow(index: number) {
  const widths = ['70%', '45%', '50%', '60%', '40%'];
  const cells = widths.map((width, column) => {
    const shifted = widths[(column + index) % widths.length];
    return html`<td>
      <span class="skeleton" ${inlineStyle({ '--width': shifted ?? width })}></span>
    </td>`;
  });
  return html`<tr class="skeleton-row" aria-hidden="true">
    ${cells}
  </tr>`;
}

export function renderLoadMore(view: MembersView, loadMore: () => void) {
  // aria-disabled keeps the button focusable while the page loads, so focus is not lost.
  return html`
    <button
      part="load-more-button"
      type="button"
      aria-disabled=${view.loadingMore ? 'true' : 'false'}
      aria-busy=${view.loadingMore ? 'true' : 'false'}
      @click=${loadMore}
    >
      ${view.loadingMore ? msg('Loading…') : msg('Load more')}
    </button>
  `;
}
