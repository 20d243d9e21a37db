import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  offset,
  shift,
  type Placement,
} from '@floating-ui/dom';
import type { ReactiveController, ReactiveElement } from 'lit';

import { menuItemsOf, nextIndex } from './menu-items.js';

/** Options of a `MenuController`. */
export interface MenuControllerOptions {
  /**
   * The side of the trigger where the menu opens, flipped when there is no room.
   * Default `bottom-start`.
   */
  placement?: Placement;
  /** The gap between trigger and menu, in CSS pixels. Default `2`. */
  gap?: number;
}

/** The item that receives focus when a menu opens: the first, the last, or the checked one. */
export type InitialFocus = 'first' | 'last' | 'checked';

/** A host element whose shadow root contains both the triggers and the menus. */
export type MenuHost = ReactiveElement;

/** The space kept between a menu and the viewport edge, in CSS pixels. */
const VIEWPORT_PADDING = 8;

/**
 * Runs the menu-button pattern of the WAI-ARIA Authoring Practices for any number of menus
 * in one host, of which one at a time is open. Each menu has a key chosen by the host.
 *
 * The host renders, for each key, a trigger button with `aria-haspopup="menu"`,
 * `aria-expanded=${menu.isOpen(key)}`, `aria-controls=${menu.menuId(key)}`, a click listener
 * calling `menu.toggle(key, trigger)` and a keydown listener calling
 * `menu.handleTriggerKeydown(event, key)`. While `menu.isOpen(key)` is true it also renders
 * an element with `id=${menu.menuId(key)}`, `role="menu"` and `popover="manual"`, whose items
 * have `role="menuitem"` or `role="menuitemradio"` and `tabindex="-1"`.
 *
 * The controller then shows the menu in the top layer, which no `overflow` or `transform` of
 * an ancestor can clip or move, and keeps it next to its trigger with floating-ui while the
 * page or any container scrolls or resizes. While a container clips the trigger out of view,
 * the menu is transparent and ignores the pointer. Arrow keys, Home and End move focus between items,
 * Escape closes the menu and returns focus to the trigger, Tab closes it and moves on, and a
 * click outside closes it. Items with `aria-disabled="true"` can be focused, so that their
 * reason is read, but their clicks are ignored and the menu stays open.
 */
export class MenuController implements ReactiveController {
  readonly #host: MenuHost;
  readonly #placement: Placement;
  readonly #gap: number;
  #openKey: string | null = null;
  #trigger: HTMLElement | null = null;
  #menu: HTMLElement | null = null;
  #initialFocus: InitialFocus = 'first';
  #stopAutoUpdate: (() => void) | undefined;

  constructor(host: MenuHost, options: MenuControllerOptions = {}) {
    this.#host = host;
    this.#placement = options.placement ?? 'bottom-start';
    this.#gap = options.gap ?? 2;
    host.addController(this);
  }

  /** The key of the open menu, or `null`. */
  get openKey(): string | null {
    return this.#openKey;
  }

  /** The element id the host gives the menu of `key`; keys must be valid in an id. */
  menuId(key: string): string {
    return `menu-${key}`;
  }

  isOpen(key: string): boolean {
    return this.#openKey === key;
  }

  /** Opens the menu of `key` below `trigger`, closing any other, and focuses an item. */
  open(key: string, trigger: HTMLElement, focus: InitialFocus = 'checked'): void {
    if (this.#openKey !== null && this.#openKey !== key) this.close({ restoreFocus: false });
    this.#openKey = key;
    this.#trigger = trigger;
    this.#initialFocus = focus;
    this.#host.requestUpdate();
  }

  /** Closes the open menu and focuses its trigger again, unless `restoreFocus` is false. */
  close(options: { restoreFocus?: boolean } = {}): void {
    if (this.#openKey === null) return;

    const trigger = this.#trigger;
    this.#detach();
    this.#openKey = null;
    this.#trigger = null;
    this.#host.requestUpdate();
    if (options.restoreFocus !== false && trigger?.isConnected) trigger.focus();
  }

  toggle(key: string, trigger: HTMLElement): void {
    if (this.isOpen(key)) this.close();
    else this.open(key, trigger);
  }

  /**
   * Opens the menu from the keyboard. Enter and Space focus the checked item, or the first when
   * none is checked, ArrowDown the first item and ArrowUp the last.
   */
  handleTriggerKeydown(event: KeyboardEvent, key: string): void {
    const trigger = event.currentTarget as HTMLElement;
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(key, trigger, event.key === 'ArrowDown' ? 'first' : 'checked');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.open(key, trigger, 'last');
    }
  }

  hostUpdated(): void {
    if (this.#openKey === null) return;
    if (this.#menu?.isConnected) return;

    // The row of the menu may have gone, for example when its member was removed elsewhere.
    this.#detach();
    const menu = this.#host.renderRoot.querySelector<HTMLElement>(
      `#${CSS.escape(this.menuId(this.#openKey))}`,
    );
    if (menu === null || this.#trigger === null || !this.#trigger.isConnected) {
      this.close({ restoreFocus: false });
      return;
    }
    this.#attach(menu, this.#trigger);
  }

  hostDisconnected(): void {
    this.close({ restoreFocus: false });
  }

  #attach(menu: HTMLElement, trigger: HTMLElement): void {
    this.#menu = menu;
    Object.assign(menu.style, { position: 'fixed', margin: '0', inset: 'auto auto auto auto' });
    if (menu.popover !== null && !menu.matches(':popover-open')) menu.showPopover();

    menu.addEventListener('keydown', this.#onMenuKeydown);
    // Capture runs before the items' own listeners, so a disabled item's click never reaches them.
    menu.addEventListener('click', this.#onMenuClick, true);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown, true);
    this.#stopAutoUpdate = autoUpdate(trigger, menu, () => void this.#position(trigger, menu));
    this.#focusInitialItem(menu);
  }

  #detach(): void {
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = undefined;
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown, true);

    const menu = this.#menu;
    this.#menu = null;
    if (menu === null) return;
    menu.removeEventListener('keydown', this.#onMenuKeydown);
    menu.removeEventListener('click', this.#onMenuClick, true);
    if (menu.isConnected && menu.matches(':popover-open')) menu.hidePopover();
  }

  async #position(trigger: HTMLElement, menu: HTMLElement): Promise<void> {
    const { x, y, middlewareData } = await computePosition(trigger, menu, {
      strategy: 'fixed',
      placement: this.#placement,
      middleware: [
        offset(this.#gap),
        flip({ padding: VIEWPORT_PADDING }),
        shift({ padding: VIEWPORT_PADDING }),
        hide(),
      ],
    });
    // A late result for a menu that closed meanwhile is dropped.
    if (this.#menu !== menu) return;
    // The menu sits in the top layer, which no container clips, so while a scrolled container
    // clips its trigger the menu is made transparent instead of floating over other content.
    // Opacity keeps the focused item focusable, where `visibility: hidden` would drop focus.
    const hidden = middlewareData.hide?.referenceHidden === true;
    Object.assign(menu.style, {
      left: `${x}px`,
      top: `${y}px`,
      opacity: hidden ? '0' : '',
      pointerEvents: hidden ? 'none' : '',
    });
  }

  #focusInitialItem(menu: HTMLElement): void {
    const items = menuItemsOf(menu);
    const checked = items.findIndex((item) => item.getAttribute('aria-checked') === 'true');
    let index = 0;
    if (this.#initialFocus === 'last') index = items.length - 1;
    else if (this.#initialFocus === 'checked' && checked !== -1) index = checked;
    (items[index] ?? menu).focus();
  }

  readonly #onMenuKeydown = (event: KeyboardEvent): void => {
    const menu = this.#menu;
    if (menu === null) return;

    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
      return;
    }
    if (event.key === 'Tab') {
      // Focus goes back to the trigger first, so the browser's Tab moves on from there.
      this.close();
      return;
    }

    const items = menuItemsOf(menu);
    const current = items.indexOf(deepActiveElementIn(menu) as HTMLElement);
    const target = nextIndex(event.key, current, items.length);
    if (target === null) return;
    event.preventDefault();
    items[target]?.focus();
  };

  readonly #onMenuClick = (event: MouseEvent): void => {
    const item = (event.target as Element).closest('[role^="menuitem"]');
    if (item === null) return;
    if (item.getAttribute('aria-disabled') === 'true') {
      // The host's own click listener must not act on a disabled item either.
      event.stopImmediatePropagation();
      event.preventDefault();
      return;
    }
    this.close();
  };

  readonly #onDocumentPointerdown = (event: PointerEvent): void => {
    const path = event.composedPath();
    if (this.#menu !== null && path.includes(this.#menu)) return;
    // The trigger's own click toggles the menu.
    if (this.#trigger !== null && path.includes(this.#trigger)) return;
    this.close({ restoreFocus: false });
  };
}

function deepActiveElementIn(menu: HTMLElement): Element | null {
  const root = menu.getRootNode() as Document | ShadowRoot;
  return root.activeElement;
}
