import type { ReactiveElement } from 'lit';

/**
 * Moves focus inside a table after a change removed or replaced the focused control, so that
 * it does not fall back to the page. Focus that the person moved elsewhere meanwhile stays.
 */
export class RowFocus {
  readonly #host: ReactiveElement;
  readonly #reveal: (memberId: string) => Promise<void>;

  /**
   * @param reveal renders the member's row when the table renders only the rows near the
   * viewport, and resolves once it is in the DOM.
   */
  constructor(host: ReactiveElement, reveal: (memberId: string) => Promise<void> = async () => {}) {
    this.#host = host;
    this.#reveal = reveal;
  }

  /** Focuses the neighbour's disclosure button, or the search field when no row is left. */
  async afterRemoval(neighbourId: string | null): Promise<void> {
    await this.#host.updateComplete;
    if (!this.#focusIsLost()) return;
    if (neighbourId !== null) await this.#reveal(neighbourId);
    const target =
      neighbourId === null
        ? this.#host.renderRoot.querySelector<HTMLElement>('[part="search-input"]')
        : this.#row(neighbourId)?.querySelector<HTMLElement>('[part="disclosure-button"]');
    target?.focus();
  }

  /** Focuses `selector` in the member's row, or the row header when it is absent. */
  async inRow(memberId: string, selector: string): Promise<void> {
    await this.#host.updateComplete;
    const row = this.#row(memberId);
    if (row === null) return;
    const active = this.#host.shadowRoot?.activeElement ?? null;
    if (active === null ? !this.#focusIsLost() : !row.contains(active)) return;
    const target = row.querySelector<HTMLElement>(selector) ?? row.querySelector('th');
    target?.focus();
  }

  /**
   * Focuses the first control of the member's row, or the row header when it has none. Focus
   * moves only from the page or from an element matching `from`, so focus moved elsewhere stays.
   */
  async toRow(memberId: string, from?: string): Promise<void> {
    await this.#host.updateComplete;
    if (!this.#focusIsLost() && !this.#focusIsOn(from)) return;
    await this.#reveal(memberId);
    const row = this.#row(memberId);
    const target = row?.querySelector<HTMLElement>('button') ?? row?.querySelector('th');
    target?.focus();
  }

  /** Focuses the member's disclosure button, rendering its row first if needed. */
  async moveTo(memberId: string): Promise<void> {
    await this.#reveal(memberId);
    this.#row(memberId)?.querySelector<HTMLElement>('[part="disclosure-button"]')?.focus();
  }

  /** Focuses the scrolling region around the table when focus fell back to the page. */
  async toTable(): Promise<void> {
    await this.#host.updateComplete;
    if (!this.#focusIsLost()) return;
    this.#host.renderRoot.querySelector<HTMLElement>('[part="scroller"]')?.focus();
  }

  /** Tells whether focus fell back to the page because the focused control was removed. */
  #focusIsLost(): boolean {
    if (this.#host.shadowRoot?.activeElement) return false;
    return document.activeElement === null || document.activeElement === document.body;
  }

  #focusIsOn(selector: string | undefined): boolean {
    const active = this.#host.shadowRoot?.activeElement ?? null;
    return selector !== undefined && active !== null && active.matches(selector);
  }

  #row(memberId: string): HTMLTableRowElement | null {
    return this.#host.renderRoot.querySelector(`tr[data-member-id="${CSS.escape(memberId)}"]`);
  }
}
