import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

import '../../src/invite-form/define.js';
import { WorkspaceStore } from '../../sdk/index.js';
import { StoreController, type LsInviteForm } from '../../src/index.js';
import { partOf } from './support/shadow-queries.js';
import { waitUntil } from './support/wait-until.js';
import { createClient, seedWorkspace } from './support/workspace.js';

/** An element on a store that renders the number of members. */
class StoreProbe extends LitElement {
  @property({ attribute: false }) store?: WorkspaceStore;

  readonly controller = new StoreController(this);

  protected override render() {
    return html`${this.controller.store?.state.members.total ?? ''}`;
  }
}
customElements.define('store-controller-probe', StoreProbe);

/** Creates a store with live updates on, for a freshly seeded workspace. */
async function liveStore(): Promise<WorkspaceStore> {
  const seeded = await seedWorkspace();
  return new WorkspaceStore(createClient(seeded), { liveUpdates: true });
}

async function untilLive(store: WorkspaceStore, live: 'open' | 'off', message: string) {
  await waitUntil(() => store.state.live === live, message);
}

describe('StoreController', () => {
  it('unsubscribes when removed mid-update', async () => {
    const store = await liveStore();
    const probe = await fixture<StoreProbe>(
      html`<store-controller-probe .store=${store}></store-controller-probe>`,
    );
    await store.load();
    await untilLive(store, 'open', 'the stream did not open');

    probe.requestUpdate();
    probe.remove();
    await probe.updateComplete;

    await untilLive(store, 'off', 'the removed element kept the event stream open');
  });

  it('subscribes again when re-added', async () => {
    const store = await liveStore();
    const probe = await fixture<StoreProbe>(
      html`<store-controller-probe .store=${store}></store-controller-probe>`,
    );
    await store.load();
    const parent = probe.parentElement as HTMLElement;
    probe.remove();
    await untilLive(store, 'off', 'the removed element kept the event stream open');

    parent.append(probe);

    await untilLive(store, 'open', 'the stream did not open again');
    await waitUntil(
      () => probe.shadowRoot?.textContent?.trim() === String(store.state.members.total),
    );
    expect(probe.controller.store).to.equal(store);
  });

  it('closes stream of removed focused form', async () => {
    const store = await liveStore();
    const form = await fixture<LsInviteForm>(
      html`<ls-invite-form .store=${store}></ls-invite-form>`,
    );
    await store.load();
    await untilLive(store, 'open', 'the stream did not open');
    partOf<HTMLInputElement>(form, 'email-input').focus();
    await sendKeys({ type: 'ada@example.org' });

    form.remove();

    await untilLive(store, 'off', 'the removed form kept the event stream open');
  });
});
