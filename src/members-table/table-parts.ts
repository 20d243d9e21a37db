import { html, nothing } from 'lit';

import { describeError } from '../shared/describe-error.js';
import { inlineStyle } from '../shared/inline-style.js';
import type { MembersView } from './members-view.js';

export function renderTotal(view: MembersView | undefined) {
  if (view?.total === undefined || view.total === null) return nothing;

  const noun = view.total === 1 ? 'member' : 'members';
  return html`<bdi class="total" part="total">${view.total} ${noun}</bdi>`;
}

/** Renders the alert of a failed load with its Retry button. */
export function renderError(view: MembersView | undefined, retry: () => void) {
  if (!view?.error) return nothing;
  return html`
    <div part="error" role="alert">
      <span>Could not load the members. ${describeError(view.error)}</span>
      <button part="retry-button" type="button" @click=${retry}>Retry</button>
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
      ${view.loadingMore ? 'Loading…' : 'Load more'}
    </button>
  `;
}
