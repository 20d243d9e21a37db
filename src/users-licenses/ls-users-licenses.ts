import { msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';

import { canPerform } from '../../sdk/domain/index.js';
import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import { StoreController } from '../controllers/store-controller.js';
import { localized } from '../i18n/locale-controller.js';
import { styles } from './ls-users-licenses.styles.js';

/**
 * @summary The whole Users & Licenses page: the invite form and the members table, the
 * license pools and the legacy-key migration, and the viewer's own auth token.
 *
 * It creates no store: it works inside `<ls-workspace>`, or with the `store` property set
 * directly, which it hands to every element inside. Members see a read-only page without the
 * invite form. Events of the elements inside bubble through it unchanged. Each section has an
 * `<h2>`, so the elements inside it get `heading-level="3"`.
 *
 * @slot heading - Replaces the default "Users & Licenses" heading.
 *
 * @fires ls-unauthorized - `LsUnauthorizedEvent`, once for a burst of requests whose session
 * token was rejected, also after a refresh, from this element or one inside it. Sign the user
 * in again.
 *
 * @csspart base - The frame around the whole page.
 * @csspart header - The page header with the heading and the workspace name.
 * @csspart heading - The default heading.
 * @csspart section - Each section: members, licenses, and the viewer's auth token.
 * @csspart section-heading - The heading of each section.
 *
 * @cssprop --ls-users-licenses-gap - The space between sections. Default `1.5rem`.
 * @cssprop --ls-color-scheme - `light`, `dark`, or `light dark` (the default) to follow the system.
 */
@localized()
export class LsUsersLicenses extends LitElement {
  static override styles = styles;

  /** The store to show; defaults to the one that the enclosing `<ls-workspace>` provides. */
  @property({ attribute: false }) store?: WorkspaceStore;

  readonly #store = new StoreController(this);

  protected override render() {
    const state = this.#store.store?.state;
    const role = state?.workspace?.viewer.role;
    // The form stays out until the role is known, so a member never sees it flash.
    const canInvite = role !== undefined && canPerform(role, 'invite');
    const workspaceName = state?.workspace?.workspace.name;

    return html`
      <div part="base">
        <header part="header">
          <slot name="heading"><h1 part="heading">${msg(html`Users &amp; Licenses`)}</h1></slot>
          ${
            workspaceName === undefined
              ? nothing
              : html`<p class="subtitle">
                  <bdi>${workspaceName}</bdi
                  >${role !== undefined && !canInvite ? ' · read-only view' : ''}
                </p>`
          }
        </header>

        <section part="section" class="members" aria-labelledby="members-heading">
          <h2 id="members-heading" part="section-heading">${msg('Members')}</h2>
          ${canInvite ? html`<ls-invite-form .store=${this.store}></ls-invite-form>` : nothing}
          <ls-members-table heading-level="3" .store=${this.store}></ls-members-table>
        </section>

        <section part="section" class="licenses" aria-labelledby="licenses-heading">
          <h2 id="licenses-heading" part="section-heading">${msg('Licenses and API keys')}</h2>
          <div class="licenses-grid">
            <ls-licenses heading-level="3" .store=${this.store}></ls-licenses>
            <ls-key-migration heading-level="3" .store=${this.store}></ls-key-migration>
          </div>
        </section>

        <section part="section" class="account" aria-labelledby="account-heading">
          <h2 id="account-heading" part="section-heading">${msg('Your auth token')}</h2>
          <ls-auth-token heading-level="3" .store=${this.store}></ls-auth-token>
        </section>
      </div>
    `;
  }
}
