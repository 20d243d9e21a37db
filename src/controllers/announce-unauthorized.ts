import type { UnauthorizedError } from '../../sdk/errors/unauthorized-error.js';
import { LsUnauthorizedEvent } from '../events/unauthorized-event.js';

/**
 * The errors already announced by any element. A store keeps one error for a whole burst of
 * rejected requests, so the elements that share the store fire one event between them.
 */
const announced = new WeakSet<UnauthorizedError>();

/**
 * Fires `LsUnauthorizedEvent` from `target` for a store's `state.unauthorized`, unless it is
 * `null` or an element has already fired the event for that error.
 */
export function announceUnauthorized(target: EventTarget, error: UnauthorizedError | null): void {
  if (error === null || announced.has(error)) return;
  announced.add(error);
  target.dispatchEvent(new LsUnauthorizedEvent(error));
}
