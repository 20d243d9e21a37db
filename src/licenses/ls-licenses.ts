import { msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';

import type { Licenses, LicensePool } from '../../sdk/schemas/license.js';
import type { Member } from '../../sdk/schemas/member.js';
import { INITIAL_STATE } from '../../sdk/store/index.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import { StoreController } from '../controllers/store-controller.js';
import { describeError } from '../shared/describe-error.js';
import { headingTag } from '../shared/heading.js';
import { inlineStyle } from '../shared/inline-style.js';
import { styles } from './ls-licenses.styles.js';
import { PoolHoldersController, type PoolHolders } from './pool-holders-controller.js';
import { formatDate, formatNumber, selectPlural } from '../i18n/format.js';
import { localized } from '../i18n/locale-controller.js';
import { describeSeatsUsed, groupByPlan, isExpired, isFull } from '../shared/pool-status.js';

/**
 * @summary The Licenses section: the workspace's license pools grouped by plan, each with a
 * seats-used meter, its expiry and the members who hold its seats, and the active-license
 * count.
 *
 * Works inside `<ls-workspace>`, or with the `store` property set directly. It follows the
 * store, so a license assigned, unassigned or freed anywhere on the page moves the meters
 * without a reload. The same view is shown to admins and members, since it changes nothing.
 *
 * @fires ls-unauthorized - `LsUnauthorizedEvent`, once for a burst of requests whose session
 * token was rejected, also after a refresh. Sign the user in again.
 *
 * @csspart base - The section around everything.
 * @csspart active-count - The active-license count, such as "31 active licenses".
 * @csspart plan - Each plan's group of pools.
 * @csspart pool - Each pool.
 * @csspart meter - The seats-used meter of a pool.
 * @csspart expiry - The expiry line of a pool.
 * @csspart holders-button - The button that shows or hides the members holding a pool's seats.
 * @csspart holders - The list of members holding a pool's seats.
 * @csspart error - The alert shown when the licenses or a pool's members could not be loaded.
 *
 * @cssprop --ls-licenses-meter-height - The height of each seats-used meter. Default `0.5rem`.
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsLicenses extends LitElement {
  static override styles = styles;

  /** The store to show; defaults to the one that the enclosing `<ls-workspace>` provides. */
  @property({ attribute: false }) store?: WorkspaceStore;

  /**
   * The level of the "Licenses" heading, 2 (`<h2>`) by default; the plan and pool headings
   * follow one and two levels below. Set 3 inside a section that has its own `<h2>`.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  readonly #holders = new PoolHoldersController(this);
  readonly #store = new StoreController(this, (store) => {
    this.#holders.clear();
    this.#shownLicenses = store.state.licenses;
    // A store handed over directly may not have been loaded by anyone yet.
    if (store.state === INITIAL_STATE) void store.load();
  });

  /** The licenses snapshot of the last render, to notice when seats have moved. */
  #shownLicenses: Licenses | null = null;

  /** Element ids per pool. Pool ids are opaque strings, which may not be valid in an id. */
  readonly #poolKeys = new Map<string, number>();

  protected override willUpdate(): void {
    const store = this.#store.store;
    const licenses = store?.state.licenses ?? null;
    if (store === undefined || licenses === this.#shownLicenses) return;

    // The store loads the licenses again after every change that moves seats, so a new
    // snapshot is the moment to refresh the member lists that are open.
    if (this.#shownLicenses !== null) this.#holders.reloadExpanded(store.client);
    this.#shownLicenses = licenses;
  }

  protected override render() {
    const state = this.#store.store?.state;
    const licenses = state?.licenses ?? null;
    const failed = licenses === null && state?.error != null;

    return html`
      <section part="base" aria-labelledby="title" aria-busy=${licenses === null && !failed}>
        <header>
          ${this.#heading(0, 'title', 'title', msg('Licenses'))}
          ${licenses === null ? nothing : this.#renderActiveCount(licenses)}
        </header>
        ${failed ? this.#renderLoadError(state.error) : nothing}
        ${licenses === null ? this.#renderPlaceholder(failed) : this.#renderPlans(licenses)}
      </section>
    `;
  }

  #renderActiveCount(licenses: Licenses) {
    const count = licenses.activeLicenseCount;
    return html`
      <div class="active">
        <p part="active-count" class="count">
          <bdi><strong>${formatNumber(count)}</strong> ${activeLicensesNoun(count)}</bdi>
        </p>
        <p class="rule">${msg('A member with a license, a legacy API key or both counts once.')}</p>
      </div>
    `;
  }

  #renderLoadError(error: Error) {
    return html`
      <div part="error" class="alert" role="alert">
        <span>${msg(str`Could not load the licenses. ${describeError(error)}`)}</span>
        <button type="button" @click=${() => void this.#store.store?.refresh()}>
          ${msg('Retry')}
        </button>
      </div>
    `;
  }

  #renderPlaceholder(failed: boolean) {
    if (failed) return nothing;
    return html`<p class="muted">${msg('Loading licenses…')}</p>`;
  }

  /** Renders a heading `depth` levels below `headingLevel`. */
  #heading(depth: number, id: string, className: string, content: unknown) {
    const tag = headingTag(this.headingLevel, depth);
    return staticHtml`<${tag} id=${id} class=${className}>${content}</${tag}>`;
  }

  #renderPlans(licenses: Licenses) {
    if (licenses.pools.length === 0) {
      return html`<p class="muted">${msg('This workspace has no license pools.')}</p>`;
    }
    const groups = [...groupByPlan(licenses.pools)];
    return groups.map(([plan, pools], index) => {
      const headingId = `plan-${index}`;
      return html`
        <section part="plan" class="plan" aria-labelledby=${headingId}>
          ${this.#heading(1, headingId, 'plan-heading', planLabel(plan))}
          <ul class="pools">
            ${repeat(
              pools,
              (pool) => pool.id,
              (pool) => this.#renderPool(pool),
            )}
          </ul>
        </section>
      `;
    });
  }

  #renderPool(pool: LicensePool) {
    const nameId = `pool-${this.#keyOf(pool.id)}`;
    const full = isFull(pool);
    const percent = pool.seats === 0 ? 100 : Math.min(100, (pool.used / pool.seats) * 100);
    const seatsText = describeSeatsUsed(pool);

    return html`
      <li part="pool" class="pool" data-pool-id=${pool.id}>
        <div class="pool-head">
          ${this.#heading(2, nameId, 'pool-heading', html`<bdi>${pool.name}</bdi>`)}
          <span class="plan-name">${planLabel(pool.plan)}</span>
        </div>
        <div
          part="meter"
          class=${full ? 'meter full' : 'meter'}
          role="meter"
          aria-labelledby=${nameId}
          aria-valuemin="0"
          aria-valuemax=${pool.seats}
          aria-valuenow=${pool.used}
          aria-valuetext=${seatsText}
        >
          <div class="meter-fill" ${inlineStyle({ 'inline-size': `${percent}%` })}></div>
        </div>
        <p class="seats">
          <bdi class="seats-text">${seatsText}</bdi>
          ${full ? html`<span class="badge full">${msg('Full')}</span>` : nothing}
        </p>
        ${this.#renderExpiry(pool)} ${this.#renderHolders(pool)}
      </li>
    `;
  }

  #renderExpiry(pool: LicensePool) {
    if (pool.expiresAt === null) {
      return html`<p part="expiry" class="expiry muted">${msg('Does not expire')}</p>`;
    }
    const date = formatDate(pool.expiresAt);
    if (isExpired(pool)) {
      return html`<p part="expiry" class="expiry">
        <span class="badge expired">${msg('Expired')}</span> ${msg(str`on ${date}`)}
      </p>`;
    }
    return html`<p part="expiry" class="expiry muted">${msg(str`Expires on ${date}`)}</p>`;
  }

  #renderHolders(pool: LicensePool) {
    const expanded = this.#holders.isExpanded(pool.id);
    const listId = `holders-${this.#keyOf(pool.id)}`;
    return html`
      <button
        part="holders-button"
        class="disclosure"
        type="button"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${listId}
        @click=${() => this.#toggle(pool.id)}
      >
        <span class="chevron" aria-hidden="true"></span>
        ${expanded ? msg('Hide members') : msg('Show members')}
        <span class="visually-hidden">${msg(str`holding ${pool.name}`)}</span>
      </button>
      <div id=${listId} class="holders" ?hidden=${!expanded}>
        ${expanded ? this.#renderHolderList(pool, this.#holders.holdersOf(pool.id)) : nothing}
      </div>
    `;
  }

  #renderHolderList(pool: LicensePool, holders: PoolHolders | undefined) {
    if (holders === undefined) return nothing;

    const loading = holders.status === 'loading';
    if (loading && holders.items.length === 0) {
      return html`<p class="muted" aria-busy="true">${msg('Loading members…')}</p>`;
    }
    if (holders.status === 'error') {
      return html`
        <div part="error" class="alert" role="alert">
          <span>
            ${msg(str`Could not load the members of ${pool.name}. ${describeError(holders.error)}`)}
          </span>
          <button type="button" @click=${() => this.#reload(pool.id)}>${msg('Retry')}</button>
        </div>
      `;
    }
    if (holders.items.length === 0) {
      return html`<p class="muted">${msg('No one holds a seat from this pool.')}</p>`;
    }

    const more = (holders.total ?? holders.items.length) - holders.items.length;
    return html`
      <ul part="holders" aria-busy=${loading ? 'true' : 'false'}>
        ${repeat(
          holders.items,
          (member) => member.id,
          (member) => renderHolder(member),
        )}
      </ul>
      ${more > 0 ? html`<p class="more">${andMore(more)}</p>` : nothing}
    `;
  }

  #keyOf(poolId: string): number {
    let key = this.#poolKeys.get(poolId);
    if (key === undefined) {
      key = this.#poolKeys.size;
      this.#poolKeys.set(poolId, key);
    }
    return key;
  }

  #toggle(poolId: string): void {
    const store = this.#store.store;
    if (store !== undefined) this.#holders.toggle(store.client, poolId);
  }

  #reload(poolId: string): void {
    const store = this.#store.store;
    if (store !== undefined) void this.#holders.load(store.client, poolId);
  }
}

function renderHolder(member: Member) {
  return html`
    <li>
      <bdi class="name">${member.name}</bdi>
      <bdi class="email">${member.email}</bdi>
      ${member.status === 'invited' ? html`<span class="badge">${msg('Invitation pending')}</span>` : nothing}
    </li>
  `;
}

/** Names a plan for people: `team` becomes "Team plan". */
function planLabel(plan: string): string {
  const name = `${plan.charAt(0).toUpperCase()}${plan.slice(1)}`;
  return msg(str`${name} plan`);
}

/** Returns the words after the count of active licenses, in the count's plural form. */
function activeLicensesNoun(count: number): string {
  return selectPlural(count, { one: msg('active license'), other: msg('active licenses') });
}

/** Returns the note under a shortened list of holders, such as "and 12 more". */
function andMore(count: number): string {
  const more = formatNumber(count);
  // English says "and 1 more" and "and 2 more" alike, but other languages do not, so each
  // plural category has an id of its own.
  return selectPlural(count, {
    one: msg(str`and ${more} more`, { id: 'licenses.and-more.one' }),
    other: msg(str`and ${more} more`, { id: 'licenses.and-more.other' }),
  });
}
