/**
 * Runs an async task so that calls while it runs coalesce into one more run after it, which
 * turns a burst of live events into one reload instead of one per event.
 */
export class CoalescedTask {
  readonly #task: () => Promise<void>;
  #running: Promise<void> | null = null;
  #again = false;

  /** @param task must not reject; it records its own failures. */
  constructor(task: () => Promise<void>) {
    this.#task = task;
  }

  /** Starts the task, or marks it to run again when it is running; resolves after the runs. */
  run(): Promise<void> {
    if (this.#running !== null) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#task();
    } while (this.#again);
  }
}
