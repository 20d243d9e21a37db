import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

import { canPerform } from '../../sdk/domain/index.js';
import type { InvitationRequest } from '../../sdk/schemas/invitation.js';
import type { LicensePool } from '../../sdk/schemas/license.js';
import type { Role } from '../../sdk/schemas/member.js';
import { INITIAL_STATE } from '../../sdk/store/index.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { LsErrorEvent } from '../events/error-event.js';
import { LsMemberInvitedEvent } from '../events/member-invited-event.js';
import { localized } from '../i18n/locale-controller.js';
import { roleLabel } from '../members-table/role-label.js';
import { describePoolChoice, unavailableReason } from '../shared/pool-status.js';
import {
  explainInviteFailure,
  noSeatsLeft,
  onlyAdminsInvite,
  poolExpired,
} from './invite-failure.js';
import {
  emailMessage,
  nameMessage,
  parseInvitation,
  type InviteField,
  type InviteMessages,
} from './invite-fields.js';
import { styles } from './ls-invite-form.styles.js';

type Message = string | TemplateResult;

/**
 * @summary A form that invites a person to the workspace by name and email, with a role and
 * optionally a license from a pool with free seats.
 *
 * Works inside `<ls-workspace>`, or with the `store` property set directly. Name and email are
 * checked with the same schemas the server uses; a field's message shows after the field loses
 * focus or the form is submitted. Server errors show next to the control that caused them, and
 * what was typed stays until an invitation succeeds. Viewers who are not admins see the
 * read-only notice "Only admins can invite people." instead of the form.
 *
 * The form lives in the shadow root, so its submit never submits a `<form>` of the host page
 * around the element.
 *
 * @fires ls-member-invited - `LsMemberInvitedEvent`, after the server created the invitation.
 * @fires ls-error - `LsErrorEvent` with action `invite`, when the invitation failed.
 * @fires ls-unauthorized - `LsUnauthorizedEvent`, once for a burst of requests whose session
 * token was rejected, also after a refresh. Sign the user in again.
 *
 * @csspart form - The `<form>` element.
 * @csspart name-input - The name field.
 * @csspart email-input - The email field.
 * @csspart field-error - The message under a field.
 * @csspart role - The fieldset with the Member and Admin choice.
 * @csspart license-checkbox - The "Assign a license automatically" checkbox.
 * @csspart pool-select - The `<select>` of license pools.
 * @csspart error - The alert above the button for errors that belong to no field.
 * @csspart submit-button - The "Invite To Workspace" button.
 * @csspart notice - The read-only notice shown to viewers who are not admins.
 *
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsInviteForm extends LitElement {
  static override styles = styles;

  /** The store to invite through; defaults to the one that the enclosing `<ls-workspace>` provides. */
  @property({ attribute: false }) store?: WorkspaceStore;

  @state() private name = '';
  @state() private email = '';
  @state() private chosenRole: Role = 'member';
  @state() private assignLicense = false;
  /** The pool the person picked, or `''` to use the first pool with a free seat. */
  @state() private chosenPoolId = '';
  /** Fields that lost focus once; their messages show from then on. */
  @state() private touched: ReadonlySet<InviteField> = new Set();
  @state() private submitted = false;
  /** Messages from the last failed request, each cleared when its field changes. */
  @state() private serverMessages: InviteMessages = {};
  @state() private pending = false;

  @query('#name') private nameInput!: HTMLInputElement;

  readonly #announcer = new AnnouncerController(this);
  readonly #store = new StoreController(this, (store) => {
    // A store handed over directly may not have been loaded by anyone yet.
    if (store.state === INITIAL_STATE) void store.load();
  });

  #focusingAfterReset = false;

  /**
   * A message that appears on blur moves the controls below it. When the blur comes from a
   * press on one of those controls, the release would land elsewhere and the click be lost,
   * so the fields blurred while a pointer is down are marked touched after the release.
   */
  #pointerDown = false;
  readonly #blurredWhilePointerDown = new Set<InviteField>();

  constructor() {
    super();
    this.addEventListener('pointerdown', () => {
      this.#pointerDown = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pointerup', this.#onPointerUp, true);
    window.addEventListener('pointercancel', this.#onPointerUp, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerup', this.#onPointerUp, true);
    window.removeEventListener('pointercancel', this.#onPointerUp, true);
  }

  readonly #onPointerUp = (): void => {
    if (!this.#pointerDown) return;
    this.#pointerDown = false;
    // The click follows the pointerup in the same task, so the messages wait for the next one.
    setTimeout(() => {
      const fields = [...this.#blurredWhilePointerDown];
      this.#blurredWhilePointerDown.clear();
      for (const field of fields) this.#onBlur(field);
    });
  };

  protected override render() {
    const state = this.#store.store?.state;
    const role = state?.workspace?.viewer.role;

    if (role !== undefined && !canPerform(role, 'invite')) {
      return html`<p part="notice" class="notice">${onlyAdminsInvite()}</p>`;
    }
    // Until the viewer is known the form stays hidden, so a member never sees it flash by. A
    // failed load shows the form anyway, and the server decides.
    if (role === undefined && state?.error == null) {
      return html`<p class="loading" aria-busy="true">${msg('Loading…')}</p>`;
    }
    return this.#renderForm(state?.licenses?.pools ?? null);
  }

  #renderForm(pools: readonly LicensePool[] | null) {
    const messages = this.#messages(pools);
    return html`
      <form part="form" novalidate aria-label=${msg('Invite a person')} @submit=${this.#onSubmit}>
        <div class="fields">
          ${this.#renderInput('name', msg('Name'), messages.name)}
          ${this.#renderInput('email', msg('Email'), messages.email)}
        </div>
        ${this.#renderRole(messages.role)} ${this.#renderLicense(pools, messages.licenseId)}
        ${
          messages.form === undefined
            ? nothing
            : html`<div part="error" class="alert" role="alert">${messages.form}</div>`
        }
        <div class="actions">
          <button
            part="submit-button"
            type="submit"
            ?disabled=${this.pending}
            aria-busy=${this.pending ? 'true' : 'false'}
          >
            <span class="spinner" aria-hidden="true" ?hidden=${!this.pending}></span>
            ${msg('Invite To Workspace')}
          </button>
        </div>
      </form>
      ${this.#announcer.region()}
    `;
  }

  #renderInput(field: 'name' | 'email', label: string, message: Message | undefined) {
    const errorId = `${field}-error`;
    const isEmail = field === 'email';
    return html`
      <div class="field">
        <label for=${field}>${label}</label>
        <input
          id=${field}
          part="${field}-input"
          name=${field}
          type=${isEmail ? 'email' : 'text'}
          autocomplete=${isEmail ? 'email' : 'name'}
          autocapitalize=${isEmail ? 'off' : 'words'}
          spellcheck="false"
          required
          ?readonly=${this.pending}
          .value=${live(isEmail ? this.email : this.name)}
          aria-invalid=${message === undefined ? 'false' : 'true'}
          aria-describedby=${ifDefined(message === undefined ? undefined : errorId)}
          @input=${(event: Event) => this.#onInput(field, event)}
          @blur=${() => this.#onBlur(field)}
        />
        ${this.#renderFieldError(errorId, message)}
      </div>
    `;
  }

  #renderFieldError(id: string, message: Message | undefined) {
    if (message === undefined) return nothing;
    return html`<p id=${id} part="field-error" class="field-error">${message}</p>`;
  }

  #renderRole(message: Message | undefined) {
    const option = (value: Role, label: string) => html`
      <label class="choice">
        <input
          type="radio"
          name="role"
          value=${value}
          ?disabled=${this.pending}
          .checked=${live(this.chosenRole === value)}
          @change=${() => this.#setRole(value)}
        />
        ${label}
      </label>
    `;
    return html`
      <fieldset
        part="role"
        class="role"
        aria-describedby=${ifDefined(message === undefined ? undefined : 'role-error')}
      >
        <legend>${msg('Role')}</legend>
        ${option('member', roleLabel('member'))} ${option('admin', roleLabel('admin'))}
        ${this.#renderFieldError('role-error', message)}
      </fieldset>
    `;
  }

  #renderLicense(pools: readonly LicensePool[] | null, message: Message | undefined) {
    return html`
      <div class="license">
        <label class="choice">
          <input
            part="license-checkbox"
            type="checkbox"
            aria-controls="pool-field"
            aria-expanded=${this.assignLicense ? 'true' : 'false'}
            ?disabled=${this.pending}
            .checked=${live(this.assignLicense)}
            @change=${this.#onAssignChange}
          />
          ${msg('Assign a license automatically')}
        </label>
        <div id="pool-field" class="field" ?hidden=${!this.assignLicense}>
          ${this.assignLicense ? this.#renderPoolPicker(pools, message) : nothing}
        </div>
      </div>
    `;
  }

  #renderPoolPicker(pools: readonly LicensePool[] | null, message: Message | undefined) {
    const selected = this.#selectedPool(pools);
    const options =
      pools === null
        ? html`<option value="" disabled>${msg('Loading license pools…')}</option>`
        : pools.map(
            (pool) => html`
              <option
                value=${pool.id}
                ?disabled=${unavailableReason(pool) !== null}
                ?selected=${pool.id === selected?.id}
              >
                ${describePoolChoice(pool)}
              </option>
            `,
          );
    return html`
      <label for="pool">${msg('License pool')}</label>
      <select
        id="pool"
        part="pool-select"
        name="licenseId"
        ?disabled=${this.pending}
        .value=${live(selected?.id ?? '')}
        aria-invalid=${message === undefined ? 'false' : 'true'}
        aria-describedby=${ifDefined(message === undefined ? undefined : 'pool-error')}
        @change=${this.#onPoolChange}
      >
        ${options}
      </select>
      ${this.#renderFieldError('pool-error', message)}
    `;
  }

  /**
   * Returns the messages to show: a field's own check once it was touched or the form was
   * submitted, otherwise the server's message for it.
   */
  #messages(pools: readonly LicensePool[] | null): InviteMessages {
    const shows = (field: InviteField) => this.submitted || this.touched.has(field);
    const messages: InviteMessages = { ...this.serverMessages };

    const name = shows('name') ? nameMessage(this.name) : null;
    if (name !== null) messages.name = name;
    const email = shows('email') ? emailMessage(this.email) : null;
    if (email !== null) messages.email = email;
    const pool = this.submitted ? this.#poolMessage(pools) : null;
    if (pool !== null) messages.licenseId = pool;
    return messages;
  }

  /** Returns why the selected pool cannot give a seat, or `null` when it can or none is needed. */
  #poolMessage(pools: readonly LicensePool[] | null): string | null {
    if (!this.assignLicense) return null;
    if (pools === null) {
      return msg(
        'The license pools have not loaded yet. Try again in a moment, or clear “Assign a license automatically”.',
      );
    }

    const pool = this.#selectedPool(pools);
    if (pool === undefined) {
      return msg(
        'No license pool has a free seat. Clear “Assign a license automatically” or free a seat.',
      );
    }
    const reason = unavailableReason(pool);
    if (reason === 'expired') return poolExpired(pool.name);
    if (reason === 'full') return noSeatsLeft(pool.name);
    return null;
  }

  /**
   * Returns the pool the person chose while it is listed, even when it has filled up since,
   * so that a seat is never silently taken from another pool. Without a choice it returns
   * the first pool with a free seat.
   */
  #selectedPool(pools: readonly LicensePool[] | null): LicensePool | undefined {
    if (pools === null) return undefined;
    const chosen = pools.find((pool) => pool.id === this.chosenPoolId);
    return chosen ?? pools.find((pool) => unavailableReason(pool) === null);
  }

  #onInput(field: 'name' | 'email', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (field === 'name') this.name = value;
    else this.email = value;
    this.#clearServerMessage(field);
  }

  #onBlur(field: InviteField): void {
    if (this.#focusingAfterReset || this.touched.has(field)) return;
    if (this.#pointerDown) {
      this.#blurredWhilePointerDown.add(field);
      return;
    }
    this.touched = new Set([...this.touched, field]);
  }

  #setRole(role: Role): void {
    this.chosenRole = role;
    this.#clearServerMessage('role');
  }

  #onAssignChange(event: Event): void {
    this.assignLicense = (event.target as HTMLInputElement).checked;
    this.#clearServerMessage('licenseId');
  }

  #onPoolChange(event: Event): void {
    this.chosenPoolId = (event.target as HTMLSelectElement).value;
    this.#clearServerMessage('licenseId');
  }

  /** Clears the server's message for a changed field, and the form's alert with it. */
  #clearServerMessage(field: InviteField): void {
    if (this.serverMessages[field] === undefined && this.serverMessages.form === undefined) return;
    const messages = { ...this.serverMessages };
    delete messages[field];
    delete messages.form;
    this.serverMessages = messages;
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    // The form has no action, so a native submit would reload the page. The submit event does
    // not cross the shadow root, but stopping it keeps it from any listener on the way.
    event.preventDefault();
    event.stopPropagation();

    const store = this.#store.store;
    if (this.pending || store === undefined) return;

    this.submitted = true;
    const pools = store.state.licenses?.pools ?? null;
    const pool = this.assignLicense ? this.#selectedPool(pools) : undefined;
    const parsed = parseInvitation({
      name: this.name,
      email: this.email,
      role: this.chosenRole,
      licenseId: pool?.id ?? null,
    });
    if ('messages' in parsed || this.#poolMessage(pools) !== null) {
      await this.#focusFirstMessage();
      return;
    }

    await this.#invite(store, parsed.request);
  }

  async #invite(store: WorkspaceStore, request: InvitationRequest): Promise<void> {
    this.pending = true;
    this.serverMessages = {};

    // After a request that got no response, the client sends the same invitation with the same
    // `Idempotency-Key`, so the server replays an invitation it may already have stored.
    try {
      const member = await store.invite(request);
      this.#reset();
      this.#announcer.announce(msg(str`Invited ${member.name}`));
      this.dispatchEvent(new LsMemberInvitedEvent(member));
      await this.updateComplete;
      // Moving focus blurs the field that had it, which must not mark the empty form touched.
      this.#focusingAfterReset = true;
      this.nameInput.focus();
      this.#focusingAfterReset = false;
    } catch (error) {
      this.serverMessages = await explainInviteFailure(error, request, store);
      this.dispatchEvent(new LsErrorEvent(error, 'invite'));
      if (this.serverMessages.licenseId !== undefined) void store.refresh();
      await this.#focusFirstMessage();
    } finally {
      this.pending = false;
    }
  }

  #reset(): void {
    this.name = '';
    this.email = '';
    this.chosenRole = 'member';
    this.assignLicense = false;
    this.chosenPoolId = '';
    this.touched = new Set();
    this.submitted = false;
    this.serverMessages = {};
  }

  /** Moves focus to the first control with a message, whose description then reads it out. */
  async #focusFirstMessage(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid="true"], [part="error"]',
    );
    if (invalid?.matches('[part="error"]')) invalid.tabIndex = -1;
    invalid?.focus();
  }
}
