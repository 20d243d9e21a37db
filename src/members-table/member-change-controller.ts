import type { ReactiveController, ReactiveElement } from 'lit';

import type { Member } from '../../sdk/schemas/index.js';
import { LsErrorEvent } from '../events/error-event.js';
import { describeChangeError } from './describe-change-error.js';

/**
 * A failed change of one member, shown next to their row until the next change. Both texts are
 * functions, so that they follow a change of the locale while the alert is shown.
 */
export interface RowError {
  /** Returns the sentence that says which change failed, such as "Could not remove Ada.". */
  failure: () => string;
  /** Returns the sentence that says why. */
  reason: () => string;
}

/** One change to run: which member, which control started it, and how to report it. */
export interface MemberChange<Result> {
  memberId: string;
  /** The control that started the change; it shows the busy state, such as `remove`. */
  control: string;
  /** The `action` of the `LsErrorEvent`, such as `remove-member`. */
  action: string;
  /** Returns the sentence that says which change failed, such as "Could not remove Ada.". */
  failure: () => string;
  run: () => Promise<Result>;
  /**
   * Reads the member as the store holds them now. Read before and after a failure, it lets
   * the message of a `version_conflict` name what the member is now.
   */
  latest?: () => Member | undefined;
}

/**
 * Runs the changes that a table's rows start, one per member at a time, and keeps what the
 * rows show about them: the control that is busy, and the error of the last failed change.
 * A failure dispatches `LsErrorEvent` from the host.
 */
export class MemberChangeController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #busy = new Map<string, string>();
  readonly #errors = new Map<string, RowError>();

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Tells whether `control` of the member, or any of their controls without one, is busy. */
  isBusy(memberId: string, control?: string): boolean {
    const busy = this.#busy.get(memberId);
    return busy !== undefined && (control === undefined || busy === control);
  }

  errorOf(memberId: string): RowError | undefined {
    return this.#errors.get(memberId);
  }

  /** Removes the member's error, such as when its alert is dismissed. */
  dismissError(memberId: string): void {
    if (this.#errors.delete(memberId)) this.#host.requestUpdate();
  }

  /** Removes every row's error, because another search, filter or sort replaces the rows. */
  clearErrors(): void {
    if (this.#errors.size === 0) return;
    this.#errors.clear();
    this.#host.requestUpdate();
  }

  /** Runs a change unless one of the same member is running; resolves `undefined` on failure. */
  async run<Result>(change: MemberChange<Result>): Promise<Result | undefined> {
    if (this.#busy.has(change.memberId)) return undefined;

    this.#busy.set(change.memberId, change.control);
    this.#errors.delete(change.memberId);
    this.#host.requestUpdate();
    const before = change.latest?.();
    try {
      return await change.run();
    } catch (error) {
      const versions = { before, after: change.latest?.() };
      this.#errors.set(change.memberId, {
        failure: change.failure,
        reason: () => describeChangeError(error, versions),
      });
      this.#host.dispatchEvent(new LsErrorEvent(error, change.action));
      return undefined;
    } finally {
      this.#busy.delete(change.memberId);
      this.#host.requestUpdate();
    }
  }

  hostConnected(): void {}
}
