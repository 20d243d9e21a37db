import { msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';

import type { Member, MemberSortKey } from '../../sdk/schemas/index.js';
import type { MembersListQuery } from '../../sdk/store/index.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import type { ConfirmOptions, LsConfirmDialog } from '../confirm-dialog/ls-confirm-dialog.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { RowWindowController } from '../controllers/row-window-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { formatNumber } from '../i18n/format.js';
import { localized } from '../i18n/locale-controller.js';
import { MenuController } from '../menu/menu-controller.js';
import { warnOnce } from '../shared/dev-warning.js';
import { headingTag } from '../shared/heading.js';
import { ActiveAdminCountController } from './active-admin-count-controller.js';
import { chevron } from './icons.js';
import { renderLicenseCell } from './license-cell.js';
import { MemberActions } from './member-actions.js';
import { styles } from './ls-members-table.styles.js';
import { MemberChangeController } from './member-change-controller.js';
import { detailsId, renderDetails } from './member-details.js';
import { isFiltered, readSort, toSort, withFilter } from './members-filters.js';
import { renderLiveNotice } from './live-notice.js';
import { renderToolbar } from './members-toolbar.js';
import { readMembersView, type MembersView } from './members-view.js';
import type { RowContext } from './row-context.js';
import { RowFocus } from './row-focus.js';
import { rowIndexAfterKey } from './row-navigation.js';
import { roleLabel } from './role-label.js';
import { renderStatusCell } from './status-cell.js';
import { renderError, renderLoadMore, renderSkeletonRow, renderTotal } from './table-parts.js';
import { warnUnknownValues } from './unknown-values.js';

const SKELETON_ROWS = 5;
const COLUMN_COUNT = 5;

/** How long the search waits after the last keystroke before it queries the server. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * @summary The Workspace Members list: search, filters, sort and paging; each member's role,
 * invitation status, license and legacy API key; expandable details with role, advanced
 * permissions and Remove; license assignment from a menu; Resend and Revoke on invitations.
 *
 * Works inside `<ls-workspace>`, or with the `store` property set directly. Viewers with the
 * `member` role get a read-only view, in which only the details expand.
 *
 * @fires ls-member-removed - `LsMemberRemovedEvent`: a member was removed or an invitation revoked.
 * @fires ls-invitation-resent - `LsInvitationResentEvent`: an invitation was sent again.
 * @fires ls-role-changed - `LsRoleChangedEvent`: a member's role or permissions changed.
 * @fires ls-license-assigned - `LsLicenseAssignedEvent`: a license was assigned or moved.
 * @fires ls-license-unassigned - `LsLicenseUnassignedEvent`: a license was unassigned.
 * @fires ls-error - `LsErrorEvent`: a change failed; the row shows the message too.
 * @fires ls-unauthorized - `LsUnauthorizedEvent`: the session token was rejected, also after a
 * refresh; fired once for a burst of requests. Sign the user in again.
 *
 * @csspart base - The frame around the header, table and footer.
 * @csspart total - The member count in the header, such as "42 members".
 * @csspart live-notice - The status at the end of the header, "Live updates paused.
 * Reconnecting…", while the store reconnects its event stream; empty otherwise.
 * @csspart toolbar - The search, filters and sort above the table.
 * @csspart search-input - The search field.
 * @csspart filter - Each filter select: role, status, license.
 * @csspart legacy-key-filter - The "Has a legacy API key" checkbox.
 * @csspart sort - The sort select.
 * @csspart sort-button - The column headers that sort by their column.
 * @csspart scroller - The wrapper that scrolls the table sideways on narrow viewports.
 * @csspart table - The `<table>` element.
 * @csspart row - Each member's row.
 * @csspart disclosure-button - The button that expands a member's details.
 * @csspart details - A member's expanded details.
 * @csspart badge - Every badge; combined with one of the three below.
 * @csspart status-badge - The "Invitation pending" or "Invitation expired" badge.
 * @csspart license-badge - The badge with the license pool a member holds.
 * @csspart license-button - The pool name in the badge, which opens the menu to move the
 * license; admins only.
 * @csspart assign-button - "No license", which opens the menu to assign one; admins only.
 * @csspart unassign-button - The `×` in the license badge that unassigns it; admins only.
 * @csspart menu - Every menu; combined with `license-menu` or `role-menu`.
 * @csspart menu-item - Each item of a menu.
 * @csspart role-button - The role in a member's details, which opens the role menu.
 * @csspart permissions - The advanced-permission form in a member's details.
 * @csspart save-permissions-button - The button that saves the advanced permissions.
 * @csspart remove-button - The button that removes a member, after a confirmation.
 * @csspart resend-button - The button that sends an invitation again.
 * @csspart revoke-button - The button that revokes an invitation, after a confirmation.
 * @csspart reason - Why a control is disabled, such as the last-admin rule.
 * @csspart row-error - The message of a failed change, below the member's row.
 * @csspart dismiss-button - The button that closes a row's error message.
 * @csspart legacy-key - The marker of a member who still has a legacy API key.
 * @csspart empty - The cell shown when no member matches.
 * @csspart error - The alert shown when loading failed.
 * @csspart retry-button - The button in the alert that loads again.
 * @csspart load-more-button - The button that loads the next page.
 *
 * @cssprop --ls-members-table-row-padding - The vertical padding of each cell. Default `0.625rem`.
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsMembersTable extends LitElement {
  static override styles = styles;

  /** The store to show; defaults to the one that the enclosing `<ls-workspace>` provides. */
  @property({ attribute: false }) store?: WorkspaceStore;

  /**
   * The level of the "Workspace Members" heading, 2 (`<h2>`) by default. Set 3 inside a section
   * that has its own `<h2>`.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The ids of the members whose details are expanded. */
  @state() private expanded: ReadonlySet<string> = new Set();

  readonly #store = new StoreController(this, (store) => {
    // A store handed over directly may not have been loaded by anyone yet.
    if (!readMembersView(store.state).requested) void store.load();
  });

  readonly #menu = new MenuController(this);
  readonly #changes = new MemberChangeController(this);
  readonly #announcer = new AnnouncerController(this);
  // Only the rows near the viewport are in the DOM, so that a workspace of thousands of
  // members renders and scrolls as fast as one page.
  readonly #window = new RowWindowController<Member>(this, {
    body: () => this.renderRoot.querySelector('tbody'),
    keyOf: (member) => member.id,
    keyAttribute: 'data-member-id',
    columns: COLUMN_COUNT,
  });
  readonly #focus = new RowFocus(this, (memberId) => this.#window.reveal(memberId));
  readonly #actions = new MemberActions({
    element: this,
    changes: this.#changes,
    announcer: this.#announcer,
    focus: this.#focus,
    store: () => this.#store.store,
    confirm: (options) => this.#confirm(options),
    collapse: (memberId) => {
      this.expanded = new Set([...this.expanded].filter((id) => id !== memberId));
    },
  });
  // Only the viewer's own details show the last-admin rule, so only they need the count.
  readonly #admins = new ActiveAdminCountController(
    this,
    () => this.#store.store,
    () => {
      const viewer = this.#store.store?.state.workspace?.viewer;
      return viewer?.role === 'admin' && this.expanded.has(viewer.memberId);
    },
  );

  /** Retry repeats `loadMore()` when that is what failed, and loads from the start otherwise. */
  #retryLoadsMore = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Resolves after the update and after the tasks that render the rest of the row window,
   * which follow an update that brought new rows.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const completed = await super.getUpdateComplete();
    await this.#window.filled;
    return (await super.getUpdateComplete()) && completed;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render() {
    const store = this.#store.store;
    const view = store === undefined ? undefined : readMembersView(store.state);
    const busy = view === undefined || view.loading || view.loadingMore;

    return html`
      ${this.#announcer.region()}
      <div part="base">
        <header>
          ${this.#renderTitle()} ${renderTotal(view)} ${renderLiveNotice(store?.state.live)}
        </header>
        ${renderError(view, () => void this.#retry())}
        ${view === undefined ? nothing : this.#renderToolbar(view)}
        <div part="scroller" role="region" aria-labelledby="title" tabindex="0">
          <table
            part="table"
            aria-labelledby="title"
            aria-busy=${busy ? 'true' : 'false'}
            aria-rowcount=${this.#rowCount(view) ?? nothing}
          >
            <thead>
              <tr aria-rowindex="1">
                ${this.#renderSortableHeader(msg('Name'), 'name', view)}
                ${this.#renderSortableHeader(msg('Role'), 'role', view)}
                <th scope="col">${msg('Status')}</th>
                <th scope="col">${msg('License')}</th>
                <th scope="col">${msg('Legacy API key')}</th>
              </tr>
            </thead>
            <tbody @keydown=${this.#onRowKeydown}>
              ${this.#renderBody(view)}
            </tbody>
          </table>
        </div>
        ${this.#renderFooter(view)}
      </div>
      <ls-confirm-dialog></ls-confirm-dialog>
    `;
  }

  #renderTitle() {
    const tag = headingTag(this.headingLevel);
    return staticHtml`<${tag} id="title" class="title">${msg('Workspace Members')}</${tag}>`;
  }

  #renderToolbar(view: MembersView) {
    return renderToolbar({
      query: view.listQuery,
      pools: [...view.pools.values()],
      search: (text) => this.#search(text),
      filter: (field, value) => this.#setQuery(withFilter(view.listQuery, field, value)),
    });
  }

  #renderSortableHeader(label: string, key: MemberSortKey, view: MembersView | undefined) {
    const sort = readSort(view?.listQuery.sort);
    const active = sort.key === key;
    const next = active && sort.direction === 'ascending' ? 'descending' : 'ascending';
    return html`
      <th scope="col" aria-sort=${active ? sort.direction : 'none'}>
        <button
          part="sort-button"
          class="sort-button"
          type="button"
          ?disabled=${view === undefined}
          @click=${() => {
            if (view !== undefined) this.#setQuery({ ...view.listQuery, sort: toSort(key, next) });
          }}
        >
          ${label}
          <span class="sort-indicator ${active ? sort.direction : ''}" aria-hidden="true"
            >${active ? chevron : nothing}</span
          >
        </button>
      </th>
    `;
  }

  #renderBody(view: MembersView | undefined) {
    if (view === undefined || (view.items.length === 0 && view.loading)) {
      return Array.from({ length: SKELETON_ROWS }, (_, index) => renderSkeletonRow(index));
    }
    if (view.items.length === 0 && view.error === null) return this.#renderEmpty(view);

    const context = this.#rowContext(view);
    // Keyed by member id, so a row keeps its DOM, and any focus inside it, when rows move.
    return this.#window.render(view.items, (member, index) =>
      this.#renderMember(member, index, context),
    );
  }

  /**
   * Returns the number of rows that assistive technology announces: the header row and every
   * member who matches, loaded or not. Detail and error rows are left out of the count.
   */
  #rowCount(view: MembersView | undefined): number | undefined {
    if (view === undefined || view.items.length === 0) return undefined;
    return Math.max(view.total ?? 0, view.items.length) + 1;
  }

  #renderEmpty(view: MembersView) {
    const query = view.query;
    let message = msg('This workspace has no members yet.');
    if (query !== '') message = msg(str`No members match “${query}”.`);
    else if (isFiltered(view.listQuery)) message = msg('No members match these filters.');
    return html`
      <tr>
        <td part="empty" class="empty" colspan=${COLUMN_COUNT}>${message}</td>
      </tr>
    `;
  }

  #renderMember(member: Member, index: number, context: RowContext) {
    warnUnknownValues(this, member);
    const expanded = this.expanded.has(member.id);
    const error = this.#changes.errorOf(member.id);
    const invited = member.status === 'invited';

    return html`
      <tr
        part="row"
        data-member-id=${member.id}
        aria-rowindex=${index + 2}
        class=${expanded ? 'expanded' : ''}
      >
        <th scope="row" tabindex="-1">
          <div class="name-cell">
            <button
              part="disclosure-button"
              class="disclosure"
              type="button"
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-controls=${detailsId(member)}
              aria-label=${msg(str`Details of ${member.name}`)}
              aria-describedby=${invited ? `placeholder-${member.id}` : nothing}
              @click=${() => this.#toggleDetails(member)}
            >
              ${chevron}
            </button>
            <div class="identity">
              <bdi class="name ${invited ? 'placeholder' : ''}">${member.name}</bdi>
              ${
                invited
                  ? html`<span class="placeholder-note" id="placeholder-${member.id}"
                      >${msg('(name given by the inviter)')}</span
                    >`
                  : nothing
              }
              <bdi class="email">${member.email}</bdi>
            </div>
          </div>
        </th>
        <td data-label=${msg('Role')}>${roleLabel(member.role)}</td>
        <td data-label=${msg('Status')}>${renderStatusCell(member, context)}</td>
        <td data-label=${msg('License')}>${renderLicenseCell(member, context)}</td>
        <td data-label=${msg('Legacy API key')}>${this.#renderLegacyKey(member)}</td>
      </tr>
      ${
        error === undefined
          ? nothing
          : html`<tr class="row-error-row">
              <td colspan=${COLUMN_COUNT}>
                <div part="row-error" role="alert">
                  <span>${error.failure()} ${error.reason()}</span>
                  <button
                    part="dismiss-button"
                    type="button"
                    @click=${() => this.#dismissError(member.id)}
                  >
                    ${msg('Dismiss')}
                  </button>
                </div>
              </td>
            </tr>`
      }
      <tr class="details-row" ?hidden=${!expanded}>
        <td id=${detailsId(member)} colspan=${COLUMN_COUNT}>
          ${expanded ? renderDetails(member, context) : nothing}
        </td>
      </tr>
    `;
  }

  #renderLegacyKey(member: Member) {
    if (member.legacyKey === null) {
      return html`<span aria-hidden="true" class="muted">—</span
        ><span class="visually-hidden">${msg('None')}</span>`;
    }
    const hint = member.legacyKey.hint;
    return html`<span part="badge legacy-key">${msg(str`Legacy API key ${hint}`)}</span>`;
  }

  #renderFooter(view: MembersView | undefined) {
    if (view === undefined || view.items.length === 0) return nothing;

    const count = formatNumber(view.items.length);
    const total = formatNumber(view.total ?? view.items.length);
    const shown = msg(str`Showing ${count} of ${total}`);
    return html`
      <footer>
        <bdi>${shown}</bdi>
        ${view.hasMore ? renderLoadMore(view, () => void this.#loadMore()) : nothing}
      </footer>
    `;
  }

  #rowContext(view: MembersView): RowContext {
    return {
      view,
      menu: this.#menu,
      changes: this.#changes,
      isSoleAdmin: (member) =>
        member.id === view.viewerId &&
        member.role === 'admin' &&
        member.status === 'active' &&
        this.#admins.count === 1,
      assign: (member, pool) => void this.#actions.assign(member, pool),
      unassign: (member) => void this.#actions.unassign(member),
      resend: (member) => void this.#actions.resend(member),
      revoke: (member) => void this.#actions.revoke(member),
      changeRole: (member, role) => void this.#actions.changeRole(member, role),
      savePermissions: (member, permissions) =>
        void this.#actions.savePermissions(member, permissions),
      remove: (member) => void this.#actions.remove(member),
    };
  }

  /** Moves focus between the rows' disclosure buttons and row headers with the arrow keys. */
  readonly #onRowKeydown = (event: KeyboardEvent): void => {
    const target = event.target as Element;
    if (event.altKey || event.shiftKey || event.metaKey) return;
    if (!target.matches('[part="disclosure-button"], th[scope="row"]')) return;

    const memberId = target.closest('tr')?.dataset.memberId;
    const index = memberId === undefined ? -1 : this.#window.indexOf(memberId);
    if (index === -1) return;
    const next = rowIndexAfterKey(event.key, index, this.#window.count);
    const nextId = next === null ? undefined : this.#window.keyAt(next);
    if (nextId === undefined) return;

    event.preventDefault();
    void this.#focus.moveTo(nextId);
  };

  #toggleDetails(member: Member): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(member.id)) {
      expanded.delete(member.id);
    } else {
      expanded.add(member.id);
      const store = this.#store.store;
      const view = store === undefined ? undefined : readMembersView(store.state);
      // Only admins edit permissions, and the catalog states whether the plan offers them.
      if (store !== undefined && view?.canManageMembers && view.permissions === null) {
        void store.loadPermissions();
      }
    }
    this.expanded = expanded;
  }

  #search(text: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      const store = this.#store.store;
      if (store === undefined) return;
      // The text is sent as typed, because the server trims it. A trimmed copy would be bound
      // back into the field and remove a space typed between two words.
      const query = text.trim() === '' ? '' : text;
      this.#setQuery(withFilter(store.state.members.query, 'query', query));
    }, SEARCH_DEBOUNCE_MS);
  }

  #setQuery(query: MembersListQuery): void {
    const store = this.#store.store;
    if (store === undefined) return;
    this.#menu.close({ restoreFocus: false });
    // The alerts describe changes to rows that the new query may no longer list.
    this.#changes.clearErrors();
    void store.setQuery(query);
  }

  #dismissError(memberId: string): void {
    this.#changes.dismissError(memberId);
    // The Dismiss button had focus and is gone, so focus goes back to the member's row.
    void this.#focus.toRow(memberId);
  }

  async #retry(): Promise<void> {
    const store = this.#store.store;
    if (store === undefined) return;
    if (this.#retryLoadsMore) {
      await this.#loadMore();
      return;
    }

    await store.refresh();
    // The Retry button is gone with the alert, so focus moves to the rows it brought back.
    if (store.state.members.error === null) await this.#focus.toTable();
  }

  async #loadMore(): Promise<void> {
    const store = this.#store.store;
    if (store === undefined) return;

    const { loading, loadingMore } = readMembersView(store.state);
    if (loading || loadingMore) return;

    const shown = store.state.members.items.length;
    await store.loadMore();
    this.#retryLoadsMore = store.state.members.error !== null;

    // Load more disappears after the last page and would leave focus on the page, so focus
    // moves from it to the first new row on every page, where the person continues reading.
    const firstNew = store.state.members.items[shown];
    if (!this.#retryLoadsMore && firstNew !== undefined) {
      await this.#focus.toRow(firstNew.id, '[part="load-more-button"], [part="retry-button"]');
    }
  }

  async #confirm(options: ConfirmOptions): Promise<boolean> {
    const dialog = this.renderRoot.querySelector('ls-confirm-dialog');
    if (dialog === null || typeof (dialog as Partial<LsConfirmDialog>).confirm !== 'function') {
      warnOnce(
        this,
        '<ls-confirm-dialog> is not defined, so removals and revocations cannot be confirmed. ' +
          'Import src/confirm-dialog/define.js, or src/members-table/define.js, which imports it.',
      );
      return false;
    }
    return (dialog as LsConfirmDialog).confirm(options);
  }
}
