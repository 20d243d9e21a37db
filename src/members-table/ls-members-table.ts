import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import type { LicensePool, Member } from '../../sdk/schemas/index.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import { StoreController } from '../controllers/store-controller.js';
import { describeError } from '../shared/describe-error.js';
import { styles } from './ls-members-table.styles.js';
import { readMembersView, type MembersView } from './members-view.js';

const SKELETON_ROWS = 5;
const COLUMN_COUNT = 5;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * @summary The Workspace Members list: name and email, role, invitation status, license and
 * legacy API key of each member, with paging for large workspaces.
 *
 * Works inside `<ls-workspace>`, or with the `store` property set directly.
 *
 * @csspart base - The frame around the header, table and footer.
 * @csspart total - The member count in the header, such as "42 members".
 * @csspart scroller - The wrapper that scrolls the table sideways on narrow viewports.
 * @csspart table - The `<table>` element.
 * @csspart row - Each member's row.
 * @csspart badge - Every badge; combined with one of the three below.
 * @csspart status-badge - The "Invitation pending" or "Invitation expired" badge.
 * @csspart license-badge - The badge with the license pool a member holds.
 * @csspart unassign-button - The `×` in the license badge that unassigns it; admins only.
 * @csspart legacy-key - The marker of a member who still has a legacy API key.
 * @csspart empty - The cell shown when no member matches.
 * @csspart error - The alert shown when loading failed.
 * @csspart retry-button - The button in the alert that loads again.
 * @csspart load-more-button - The button that loads the next page.
 *
 * @cssprop --ls-members-table-row-padding - The vertical padding of each cell. Default `0.625rem`.
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
export class LsMembersTable extends LitElement {
  static override styles = styles;

  /** The store to show; defaults to the one that the enclosing `<ls-workspace>` provides. */
  @property({ attribute: false }) store?: WorkspaceStore;

  /** A failed change started from this table, such as an unassign, shown until the next one. */
  @state() private changeError: { action: string; error: unknown } | null = null;

  readonly #store = new StoreController(this, (store) => {
    // A store handed over directly may not have been loaded by anyone yet.
    if (!readMembersView(store.state).requested) void store.load();
  });

  /** Retry repeats `loadMore()` when that is what failed, and loads from the start otherwise. */
  #retryLoadsMore = false;

  protected override render() {
    const store = this.#store.store;
    const view = store === undefined ? undefined : readMembersView(store.state);
    const busy = view === undefined || view.loading || view.loadingMore;

    return html`
      <div part="base">
        <header>
          <h2 id="title">Workspace Members</h2>
          ${this.#renderTotal(view)}
        </header>
        ${this.#renderError(view)}
        <div part="scroller" role="region" aria-labelledby="title" tabindex="0">
          <table part="table" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">License</th>
                <th scope="col">Legacy API key</th>
              </tr>
            </thead>
            <tbody>
              ${this.#renderBody(view)}
            </tbody>
          </table>
        </div>
        ${this.#renderFooter(view)}
      </div>
    `;
  }

  #renderTotal(view: MembersView | undefined) {
    if (view?.total === undefined || view.total === null) return nothing;

    const noun = view.total === 1 ? 'member' : 'members';
    return html`<span class="total" part="total">${view.total} ${noun}</span>`;
  }

  #renderError(view: MembersView | undefined) {
    if (view?.error) {
      return html`
        <div part="error" role="alert">
          <span>Could not load the members. ${describeError(view.error)}</span>
          <button part="retry-button" type="button" @click=${this.#retry}>Retry</button>
        </div>
      `;
    }
    if (this.changeError !== null) {
      return html`
        <div part="error" role="alert">
          <span
            >Could not ${this.changeError.action}. ${describeError(this.changeError.error)}</span
          >
        </div>
      `;
    }
    return nothing;
  }

  #renderBody(view: MembersView | undefined) {
    if (view === undefined || (view.items.length === 0 && view.loading)) {
      return Array.from({ length: SKELETON_ROWS }, (_, index) => this.#renderSkeletonRow(index));
    }
    if (view.items.length === 0 && view.error === null) return this.#renderEmpty(view);

    // Keyed by member id, so a row keeps its DOM, and any focus inside it, when rows move.
    return repeat(
      view.items,
      (member) => member.id,
      (member) => this.#renderRow(member, view),
    );
  }

  #renderSkeletonRow(index: number) {
    const widths = ['70%', '45%', '50%', '60%', '40%'];
    const cells = widths.map((width, column) => {
      const shifted = widths[(column + index) % widths.length];
      return html`<td><span class="skeleton" style="--width: ${shifted ?? width}"></span></td>`;
    });
    return html`<tr class="skeleton-row" aria-hidden="true">
      ${cells}
    </tr>`;
  }

  #renderEmpty(view: MembersView) {
    const message =
      view.query === ''
        ? 'This workspace has no members yet.'
        : `No members match “${view.query}”.`;
    return html`
      <tr>
        <td part="empty" class="empty" colspan=${COLUMN_COUNT}>${message}</td>
      </tr>
    `;
  }

  #renderRow(member: Member, view: MembersView) {
    return html`
      <tr part="row" data-member-id=${member.id}>
        <th scope="row" tabindex="-1">
          <bdi class="name">${member.name}</bdi>
          <bdi class="email">${member.email}</bdi>
        </th>
        <td data-label="Role">${member.role === 'admin' ? 'Admin' : 'Member'}</td>
        <td data-label="Status">${this.#renderStatus(member)}</td>
        <td data-label="License">${this.#renderLicense(member, view)}</td>
        <td data-label="Legacy API key">${this.#renderLegacyKey(member)}</td>
      </tr>
    `;
  }

  #renderStatus(member: Member) {
    if (member.status === 'active') return 'Active';

    const expiresAt = member.invitation?.expiresAt;
    if (expiresAt === undefined) {
      return html`<span part="badge status-badge">Invitation pending</span>`;
    }

    // An invitation stays listed after it expires, until an admin resends or revokes it.
    const date = dateFormat.format(new Date(expiresAt));
    if (Date.parse(expiresAt) <= Date.now()) {
      return html`
        <span part="badge status-badge" class="expired">Invitation expired</span>
        <span class="muted">on ${date}</span>
      `;
    }
    return html`
      <span part="badge status-badge">Invitation pending</span>
      <span class="muted">expires ${date}</span>
    `;
  }

  #renderLicense(member: Member, view: MembersView) {
    if (member.licenseId === null) return html`<span class="muted">No license</span>`;

    const pool = view.pools.get(member.licenseId);
    return html`
      <span part="badge license-badge">
        ${pool === undefined ? 'Licensed' : this.#renderPool(pool)}
        ${view.canManageLicenses ? this.#renderUnassign(member, view) : nothing}
      </span>
    `;
  }

  #renderPool(pool: LicensePool) {
    // Pools are often named after their plan; the plan is shown only when it adds something.
    if (pool.name.toLowerCase() === pool.plan.toLowerCase()) return pool.name;
    return html`${pool.name} <span class="plan">· ${pool.plan}</span>`;
  }

  #renderUnassign(member: Member, view: MembersView) {
    const pending = view.pendingMemberIds.has(member.id);
    return html`
      <button
        part="unassign-button"
        class="unassign"
        type="button"
        aria-label="Unassign the license of ${member.name}"
        aria-disabled=${pending ? 'true' : 'false'}
        @click=${() => this.#unassign(member.id, pending)}
      >
        <span aria-hidden="true">×</span>
      </button>
    `;
  }

  #renderLegacyKey(member: Member): TemplateResult {
    if (member.legacyKey === null) {
      return html`<span aria-hidden="true" class="muted">—</span
        ><span class="visually-hidden">None</span>`;
    }
    return html`<span part="badge legacy-key">Legacy API key ${member.legacyKey.hint}</span>`;
  }

  #renderFooter(view: MembersView | undefined) {
    if (view === undefined || view.items.length === 0) return nothing;

    const shown = `Showing ${view.items.length} of ${view.total ?? view.items.length}`;
    return html`
      <footer>
        <span>${shown}</span>
        ${view.hasMore ? this.#renderLoadMore(view) : nothing}
      </footer>
    `;
  }

  #renderLoadMore(view: MembersView) {
    // aria-disabled keeps the button focusable while the page loads, so focus is not lost.
    return html`
      <button
        part="load-more-button"
        type="button"
        aria-disabled=${view.loadingMore ? 'true' : 'false'}
        @click=${this.#loadMore}
      >
        ${view.loadingMore ? 'Loading…' : 'Load more'}
      </button>
    `;
  }

  #retry(): void {
    const store = this.#store.store;
    if (store === undefined) return;
    if (this.#retryLoadsMore) void this.#loadMore();
    else void store.refresh();
  }

  async #loadMore(): Promise<void> {
    const store = this.#store.store;
    if (store === undefined) return;

    const { loading, loadingMore } = readMembersView(store.state);
    if (loading || loadingMore) return;

    await store.loadMore();
    this.#retryLoadsMore = store.state.members.error !== null;
  }

  async #unassign(memberId: string, pending: boolean): Promise<void> {
    const store = this.#store.store;
    if (store === undefined || pending) return;

    this.changeError = null;
    const change = store.unassignLicense(memberId);

    // The store removes the badge at once, and with it the focused button, so focus moves to
    // the member's row header instead of falling back to the document.
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`tr[data-member-id="${CSS.escape(memberId)}"] th`)
      ?.focus();

    try {
      await change;
    } catch (error) {
      this.changeError = { action: 'unassign the license', error };
    }
  }
}
