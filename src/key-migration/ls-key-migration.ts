import { msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';

import type { Member } from '../../sdk/schemas/member.js';
import type { MigrationStep } from '../../sdk/schemas/migration.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import type { LsConfirmDialog } from '../confirm-dialog/ls-confirm-dialog.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { LsErrorEvent } from '../events/error-event.js';
import { LsLegacyKeyRemovedEvent } from '../events/legacy-key-removed-event.js';
import { LsLicenseAssignedEvent } from '../events/license-assigned-event.js';
import { formatDay, formatNumber, formatRelativeTime } from '../i18n/format.js';
import { localized } from '../i18n/locale-controller.js';
import { describeError } from '../shared/describe-error.js';
import { headingTag } from '../shared/heading.js';
import { describeLastCredentialUse } from '../shared/last-credential-use-text.js';
import { describeFreeSeats } from '../shared/pool-status.js';
import { LegacyKeyMembers } from './legacy-key-members.js';
import { styles } from './ls-key-migration.styles.js';
import {
  newerMember,
  readMigrationView,
  STEPS,
  stepTitle,
  type MigrationView,
} from './migration-view.js';
import { switchMessage } from './switch-message.js';

/** A failed change, shown next to the member whose control started it. */
interface ChangeError {
  action: 'assign-license' | 'remove-legacy-key';
  error: unknown;
}

/** Returns the sentence that says which change failed, such as "Could not assign a license to Ada.". */
function describeChangeFailure(action: ChangeError['action'], name: string): string {
  return action === 'assign-license'
    ? msg(str`Could not assign a license to ${name}.`)
    : msg(str`Could not remove the legacy key of ${name}.`);
}

/**
 * @summary The move from legacy API keys to auth tokens: the deprecation notice, how many
 * members are at each step, and for each member who still has a legacy key the four steps with
 * the current one marked.
 *
 * The steps are: (1) assign a license, (2) ask the member to switch their configuration to
 * their auth token, (3) see that the auth token is in use, (4) remove the legacy key after a
 * confirmation. Admins act on steps 1, 2 and 4 inline; members see the steps without actions.
 * Works inside `<ls-workspace>`, or with the `store` property set directly.
 *
 * @fires {LsLicenseAssignedEvent} ls-license-assigned - A license was assigned in step 1.
 * @fires {LsLegacyKeyRemovedEvent} ls-legacy-key-removed - A legacy key was removed in step 4.
 * @fires {LsErrorEvent} ls-error - A load or a change failed; `action` is `load-migration`,
 * `assign-license` or `remove-legacy-key`.
 * @fires {LsUnauthorizedEvent} ls-unauthorized - Once for a burst of requests whose session
 * token was rejected, also after a refresh. Sign the user in again.
 *
 * @csspart base - The frame around the whole element.
 * @csspart notice - The deprecation notice with the date.
 * @csspart counts - The list of how many members are at each step.
 * @csspart count - Each entry of that list.
 * @csspart refresh-button - The button that checks the members' last uses again.
 * @csspart member - Each member's card.
 * @csspart steps - The ordered list of a member's four steps.
 * @csspart last-credential-use - The line with the credential the member's tools last used.
 * @csspart step - Each step; the current one has `aria-current="step"`.
 * @csspart license-select - The `<select>` of pools with a free seat in step 1.
 * @csspart assign-button - The button that assigns the selected license.
 * @csspart message - The read-only text of the message to the member in step 2.
 * @csspart copy-button - The button that copies that message.
 * @csspart usage - The last uses of the auth token and the legacy key.
 * @csspart remove-button - The button that removes the legacy key in step 4.
 * @csspart error - An alert with a failed load or change.
 * @csspart retry-button - The button in the alert that loads the migration again.
 * @csspart empty - The text shown once no member has a legacy key.
 *
 * @cssprop --ls-key-migration-current-step - The color that marks the current step. Default
 * `--ls-color-accent`.
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsKeyMigration extends LitElement {
  static override styles = styles;

  /** The store to show; defaults to the one that the enclosing `<ls-workspace>` provides. */
  @property({ attribute: false }) store?: WorkspaceStore;

  /**
   * The level of the section heading, 2 (`<h2>`) by default; each member's card heading is one
   * level below. Set 3 inside a section that has its own `<h2>`.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The pool picked in each member's step 1, by member id. */
  @state() private selectedPools = new Map<string, string>();

  /** A failed change, by member id, shown until the next change of that member. */
  @state() private changeErrors = new Map<string, ChangeError>();

  /** The error of the last migration load started here, or `null`. */
  @state() private loadError: unknown = null;

  @query('ls-confirm-dialog') private confirmDialog!: LsConfirmDialog;

  readonly #announcer = new AnnouncerController(this);
  readonly #members = new LegacyKeyMembers(this);
  readonly #store = new StoreController(this, (store) => {
    // A store handed over directly may not have been loaded by anyone yet.
    if (!readMigrationView(store.state).requested) void store.load();
    if (store.state.migration === null) void this.#loadMigration(store);
  });

  protected override willUpdate(): void {
    const store = this.#store.store;
    if (store !== undefined) this.#members.sync(store);
  }

  #renderTitle() {
    const tag = headingTag(this.headingLevel);
    return staticHtml`<${tag} id="title" class="title" tabindex="-1"
      >${msg('Move from legacy API keys to auth tokens')}</${tag}
    >`;
  }

  #renderMemberHeading(id: string, member: Member) {
    const tag = headingTag(this.headingLevel, 1);
    return staticHtml`<${tag} id=${id} class="member-heading" tabindex="-1">
      <bdi class="name">${member.name}</bdi>
      <bdi class="email">${member.email}</bdi>
    </${tag}>`;
  }

  protected override render() {
    const store = this.#store.store;
    const view = store === undefined ? undefined : readMigrationView(store.state);
    const migration = view?.migration ?? null;
    const busy = migration === null && this.loadError === null;

    return html`
      <section part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
        <header>
          ${this.#renderTitle()} ${migration === null ? nothing : this.#renderRefresh()}
        </header>
        ${
          view === undefined || migration === null
            ? this.#renderPlaceholder()
            : html`${this.#renderCheckError()}${this.#renderMigration(view, migration.deprecationDate)}`
        }
        ${this.#announcer.region()}
        <ls-confirm-dialog></ls-confirm-dialog>
      </section>
    `;
  }

  #renderPlaceholder() {
    if (this.loadError !== null) {
      return html`
        <div part="error" role="alert">
          <span>${msg(str`Could not load the migration. ${describeError(this.loadError)}`)}</span>
          <button part="retry-button" type="button" @click=${this.#retry}>${msg('Retry')}</button>
        </div>
      `;
    }
    return html`<p class="muted">${msg('Loading the migration…')}</p>`;
  }

  /** A failed "Check again", shown above the migration that stays as it was. */
  #renderCheckError() {
    if (this.loadError === null) return nothing;
    return html`
      <div part="error" role="alert">
        ${msg(str`Could not check the migration again. ${describeError(this.loadError)}`)}
      </div>
    `;
  }

  #renderRefresh() {
    return html`
      <button part="refresh-button" type="button" @click=${this.#retry}>
        ${msg('Check again')}
      </button>
    `;
  }

  #renderMigration(view: MigrationView, deprecationDate: string) {
    const migration = view.migration;
    if (migration === null) return nothing;

    const day = formatDay(deprecationDate);
    const membersError = this.#members.error;
    return html`
      <div part="notice" class="notice">
        <p>
          <strong>${this.#renderDeprecation(deprecationDate, day)}</strong>
          ${msg(
            'Auth tokens replace them: each auth token belongs to one user, can be rotated, and lets admins manage licenses without the user changing any configuration.',
          )}
        </p>
      </div>
      ${
        migration.members.length === 0
          ? html`<p part="empty" class="empty">
              ${msg('Every member uses an auth token. No legacy API keys are left.')}
            </p>`
          : html`
              ${this.#renderCounts(migration.counts)}
              ${
                membersError === null
                  ? nothing
                  : html`<div part="error" role="alert">
                      ${msg(
                        str`Could not load the members with legacy keys. ${describeError(membersError)}`,
                      )}
                    </div>`
              }
              <ul class="members" aria-label=${msg('Members with a legacy API key')}>
                ${repeat(
                  migration.members,
                  (entry) => entry.memberId,
                  (entry) => this.#renderMember(view, entry.memberId, entry.step, day),
                )}
              </ul>
            `
      }
    `;
  }

  #renderDeprecation(deprecationDate: string, day: string) {
    const time = html`<time datetime=${deprecationDate}>${day}</time>`;
    return msg(html`Legacy personal API keys are deprecated and stop working on ${time}.`);
  }

  #renderCounts(counts: Record<'1' | '2' | '3' | '4', number>) {
    return html`
      <ol part="counts" class="counts" aria-label=${msg('Members at each step')}>
        ${STEPS.map(
          (step) => html`
            <li part="count" data-step=${step}>
              <span class="count">${formatNumber(counts[`${step}`])}</span>
              <span class="count-label">${step}. ${stepTitle(step)}</span>
            </li>
          `,
        )}
      </ol>
    `;
  }

  #renderMember(view: MigrationView, memberId: string, step: MigrationStep, day: string) {
    const member = this.#memberRecord(memberId);
    const headingId = `member-${memberId}`;
    if (member === undefined) {
      return html`<li part="member" class="member loading" data-member-id=${memberId}>
        <span class="skeleton" aria-hidden="true"></span>
        <span class="visually-hidden">${msg(str`Loading member ${memberId}…`)}</span>
      </li>`;
    }

    const error = this.changeErrors.get(memberId);
    const lastUse = describeLastCredentialUse(member);
    return html`
      <li part="member" class="member" data-member-id=${memberId} aria-labelledby=${headingId}>
        ${this.#renderMemberHeading(headingId, member)}
        <p class="key">${msg(str`Legacy API key ${member.legacyKey?.hint ?? ''}`)}</p>
        <p part="last-credential-use" class="last-use">
          ${msg(str`Last credential used: ${lastUse}`)}
        </p>
        <ol part="steps" class="steps" aria-label=${msg(str`Steps for ${member.name}`)}>
          ${STEPS.map((entry) => this.#renderStep(view, member, entry, step, day))}
        </ol>
        ${
          error === undefined
            ? nothing
            : html`<div part="error" role="alert">
                ${describeChangeFailure(error.action, member.name)} ${describeError(error.error)}
              </div>`
        }
      </li>
    `;
  }

  #renderStep(
    view: MigrationView,
    member: Member,
    step: MigrationStep,
    current: MigrationStep,
    day: string,
  ) {
    const status = step < current ? 'done' : step === current ? 'current' : 'upcoming';
    const statusText = {
      done: msg('Done'),
      current: msg('Current step'),
      upcoming: msg('To do'),
    }[status];
    return html`
      <li
        part="step"
        class=${status}
        data-step=${step}
        aria-current=${step === current ? 'step' : 'false'}
      >
        <span class="marker" aria-hidden="true">${status === 'done' ? '✓' : step}</span>
        <div class="step-body">
          <span class="step-title">${stepTitle(step)}</span>
          <span class="visually-hidden">(${statusText})</span>
          ${this.#renderStepContent(view, member, step, current, day)}
        </div>
      </li>
    `;
  }

  #renderStepContent(
    view: MigrationView,
    member: Member,
    step: MigrationStep,
    current: MigrationStep,
    day: string,
  ) {
    if (step === 3 && current >= 2) return this.#renderUsage(member);
    if (step !== current) return nothing;
    switch (step) {
      case 1:
        return view.canManageLicenses ? this.#renderAssign(view, member) : nothing;
      case 2:
        return view.canManageLicenses ? this.#renderMessage(view, member, day) : nothing;
      case 4:
        return view.canRemoveLegacyKeys ? this.#renderRemove(view, member) : nothing;
      default:
        return nothing;
    }
  }

  #renderAssign(view: MigrationView, member: Member) {
    if (view.assignablePools.length === 0) {
      return html`<p class="hint">
        ${msg('No license pool has a free seat. Free a seat or add seats.')}
      </p>`;
    }

    const selectId = `pool-${member.id}`;
    const selected = this.selectedPools.get(member.id) ?? view.assignablePools[0]?.id ?? '';
    const pending = view.pendingMemberIds.has(member.id);
    return html`
      <div class="action">
        <label for=${selectId}>${msg(html`License for <bdi>${member.name}</bdi>`)}</label>
        <div class="row">
          <select
            id=${selectId}
            part="license-select"
            .value=${selected}
            @change=${(event: Event) =>
              this.#selectPool(member.id, (event.target as HTMLSelectElement).value)}
          >
            ${view.assignablePools.map(
              (pool) => html`
                <option value=${pool.id} ?selected=${pool.id === selected}>
                  ${pool.name} (${describeFreeSeats(pool)})
                </option>
              `,
            )}
          </select>
          <button
            part="assign-button"
            type="button"
            aria-disabled=${pending ? 'true' : 'false'}
            @click=${() => this.#assign(member, selected, pending)}
          >
            ${pending ? msg('Assigning…') : msg('Assign')}
          </button>
        </div>
      </div>
    `;
  }

  #renderMessage(view: MigrationView, member: Member, day: string) {
    const messageId = `message-${member.id}`;
    const text = switchMessage(member, day, view.workspaceName);
    return html`
      <div class="action">
        <label for=${messageId}>${msg(html`Message to <bdi>${member.name}</bdi>`)}</label>
        <textarea id=${messageId} part="message" readonly rows="6" .value=${text}></textarea>
        <div class="row">
          <button part="copy-button" type="button" @click=${() => this.#copy(member, messageId)}>
            ${msg('Copy message')}
          </button>
        </div>
      </div>
    `;
  }

  #renderUsage(member: Member) {
    const token = member.authToken?.lastUsedAt ?? null;
    const key = member.legacyKey?.lastUsedAt ?? null;
    const tokenText =
      token === null
        ? msg('Auth token never used.')
        : msg(str`Auth token last used ${formatRelativeTime(token)}.`);
    const keyText =
      key === null
        ? msg('Legacy key never used.')
        : msg(str`Legacy key last used ${formatRelativeTime(key)}.`);
    return html`<p part="usage" class="usage">${tokenText} ${keyText}</p>`;
  }

  #renderRemove(view: MigrationView, member: Member) {
    const pending = view.pendingMemberIds.has(member.id);
    return html`
      <div class="row">
        <button
          part="remove-button"
          class="danger"
          type="button"
          aria-disabled=${pending ? 'true' : 'false'}
          @click=${() => this.#removeKey(member, pending)}
        >
          ${pending ? msg('Removing…') : msg('Remove legacy key')}
        </button>
      </div>
    `;
  }

  #memberRecord(memberId: string): Member | undefined {
    const fromStore = this.#store.store?.state.members.items.find((item) => item.id === memberId);
    return newerMember(this.#members.get(memberId), fromStore);
  }

  #selectPool(memberId: string, poolId: string): void {
    this.selectedPools = new Map(this.selectedPools).set(memberId, poolId);
  }

  #setError(memberId: string, error: ChangeError | undefined): void {
    const errors = new Map(this.changeErrors);
    if (error === undefined) errors.delete(memberId);
    else errors.set(memberId, error);
    this.changeErrors = errors;
  }

  async #assign(member: Member, licenseId: string, pending: boolean): Promise<void> {
    const store = this.#store.store;
    if (store === undefined || pending || licenseId === '') return;

    this.#setError(member.id, undefined);
    try {
      const updated = await store.assignLicense(member.id, licenseId);
      this.#announcer.announce(msg(str`Assigned a license to ${member.name}.`));
      this.dispatchEvent(new LsLicenseAssignedEvent(updated, member.licenseId));
      // The assign button is gone with step 1, so focus moves to the member's heading.
      await this.updateComplete;
      this.#focusMember(member.id);
    } catch (error) {
      this.#setError(member.id, { action: 'assign-license', error });
      this.dispatchEvent(new LsErrorEvent(error, 'assign-license'));
    }
  }

  async #copy(member: Member, messageId: string): Promise<void> {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${messageId}`);
    if (textarea === null) return;
    try {
      await navigator.clipboard.writeText(textarea.value);
      this.#announcer.announce(msg(str`Copied the message to ${member.name}.`));
    } catch {
      // The clipboard needs a focused page and permission; selecting the text lets the
      // person copy it with the keyboard instead.
      textarea.focus();
      textarea.select();
      this.#announcer.announce(
        msg('Could not copy. The message is selected; press Ctrl+C to copy.'),
      );
    }
  }

  async #removeKey(member: Member, pending: boolean): Promise<void> {
    const store = this.#store.store;
    if (store === undefined || pending) return;

    const confirmed = await this.confirmDialog.confirm({
      heading: msg(str`Remove the legacy key of ${member.name}?`),
      message: msg(
        str`Tools that still send the legacy API key ${member.legacyKey?.hint ?? ''} stop working at once. The auth token and the license stay as they are.`,
      ),
      confirmLabel: msg('Remove legacy key'),
      tone: 'danger',
    });
    if (!confirmed) return;

    this.#setError(member.id, undefined);
    try {
      const updated = await store.removeLegacyKey(member.id);
      this.#announcer.announce(msg(str`Removed the legacy key of ${member.name}.`));
      this.dispatchEvent(new LsLegacyKeyRemovedEvent(updated));
      // The member leaves the list, so focus moves to the element's heading.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    } catch (error) {
      this.#setError(member.id, { action: 'remove-legacy-key', error });
      this.dispatchEvent(new LsErrorEvent(error, 'remove-legacy-key'));
    }
  }

  #focusMember(memberId: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#member-${CSS.escape(memberId)}`)?.focus();
  }

  #retry(): void {
    const store = this.#store.store;
    if (store !== undefined) void this.#loadMigration(store);
  }

  async #loadMigration(store: WorkspaceStore): Promise<void> {
    const before = store.state.migration;
    await store.loadMigration();
    // The store records a failed load in its shared `error`, which a later load of anything
    // else clears, so the element keeps its own copy until the next attempt.
    const failed = store.state.migration === before && store.state.error !== null;
    this.loadError = failed ? store.state.error : null;
    if (failed) this.dispatchEvent(new LsErrorEvent(this.loadError, 'load-migration'));
  }
}
