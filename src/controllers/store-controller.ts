import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';

import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';
import { workspaceContext } from '../context/workspace-context.js';
import { announceUnauthorized } from './announce-unauthorized.js';

/** An element that can be given a store directly, in place of the one from `<ls-workspace>`. */
export interface StoreHost extends ReactiveElement {
  store?: WorkspaceStore | undefined;
}

/**
 * Connects an element to a workspace store and re-renders it on every change of the store.
 * The store is the host's own `store` property when set, otherwise the one that the nearest
 * `<ls-workspace>` provides. When the store records a rejected session, the first element on
 * it to notice fires `ls-unauthorized`.
 */
export class StoreController implements ReactiveController {
  readonly #host: StoreHost;
  readonly #consumer: ContextConsumer<typeof workspaceContext, StoreHost>;
  readonly #onAttach: (store: WorkspaceStore) => void;
  #subscribed: WorkspaceStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  /** @param onAttach runs each time the controller attaches to a different store. */
  constructor(host: StoreHost, onAttach: (store: WorkspaceStore) => void = () => {}) {
    this.#host = host;
    this.#onAttach = onAttach;
    this.#consumer = new ContextConsumer(host, {
      context: workspaceContext,
      subscribe: true,
      callback: () => this.#sync(),
    });
    host.addController(this);
  }

  /** The store in use, or `undefined` before one is set or provided. */
  get store(): WorkspaceStore | undefined {
    return this.#host.store ?? this.#consumer.value;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdate(): void {
    // The host's `store` property may have changed since the last render.
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#detach();
  }

  /**
   * Subscribes to the store in use while the host is in the document. Lit runs an update that
   * was requested before the host was removed, and subscribing then would keep the store, and
   * its event stream, open after the host is gone.
   */
  #sync(): void {
    if (!this.#connected) return;
    const store = this.store;
    if (store === this.#subscribed) return;

    this.#detach();
    if (store === undefined) {
      this.#host.requestUpdate();
      return;
    }

    this.#subscribed = store;
    this.#unsubscribe = store.subscribe((state) => {
      announceUnauthorized(this.#host, state.unauthorized);
      this.#host.requestUpdate();
    });
    this.#onAttach(store);
    announceUnauthorized(this.#host, store.state.unauthorized);
    this.#host.requestUpdate();
  }

  #detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }
}
