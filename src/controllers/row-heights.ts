/**
 * The measured heights of the row groups of a windowed table, by item key, and the vertical
 * offset of each item computed from them. Items that were never rendered count with the mean
 * of the measured heights.
 */
export class RowHeights {
  readonly #heights = new Map<string, number>();
  #fallback: number;
  #sum = 0;
  #keys: readonly string[] = [];
  /** `offsets[i]` is the top of item `i`, and `offsets[keys.length]` the total height. */
  #offsets: Float64Array | null = null;

  /** @param fallback the height, in CSS pixels, of every item before any was measured. */
  constructor(fallback: number) {
    this.#fallback = fallback;
  }

  /** The height in CSS pixels that items without a measurement count with. */
  get estimate(): number {
    return this.#heights.size === 0 ? this.#fallback : this.#sum / this.#heights.size;
  }

  /** Sets the items in display order, by key. */
  setKeys(keys: readonly string[]): void {
    this.#keys = keys;
    this.#offsets = null;
  }

  /** Records a measured height; returns whether it differs from the one recorded before. */
  set(key: string, height: number): boolean {
    const previous = this.#heights.get(key);
    // Sub-pixel differences come from rounding in layout and would re-render for nothing.
    if (previous !== undefined && Math.abs(previous - height) < 0.5) return false;
    this.#sum += height - (previous ?? 0);
    this.#heights.set(key, height);
    this.#offsets = null;
    return true;
  }

  /**
   * Forgets every measurement, for example after a change of width made rows wrap. Their mean
   * stays the estimate until the next measurement, which is closer than the fallback.
   */
  clear(): void {
    this.#fallback = this.estimate;
    this.#heights.clear();
    this.#sum = 0;
    this.#offsets = null;
  }

  /** Returns the top of item `index` from the top of the first item, in CSS pixels. */
  offset(index: number): number {
    const offsets = this.#computeOffsets();
    return offsets[Math.max(0, Math.min(index, this.#keys.length))] ?? 0;
  }

  /** Returns the index of the item that covers `offset`, clamped to the first and last item. */
  indexAt(offset: number): number {
    const offsets = this.#computeOffsets();
    let low = 0;
    let high = this.#keys.length - 1;
    // Binary search for the last item whose top is at or above `offset`.
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((offsets[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  #computeOffsets(): Float64Array {
    if (this.#offsets !== null) return this.#offsets;

    const estimate = this.estimate;
    const offsets = new Float64Array(this.#keys.length + 1);
    let top = 0;
    this.#keys.forEach((key, index) => {
      offsets[index] = top;
      top += this.#heights.get(key) ?? estimate;
    });
    offsets[this.#keys.length] = top;
    this.#offsets = offsets;
    return offsets;
  }
}
