import { msg } from '@lit/localize';

import type { LicensePool } from '../../sdk/schemas/index.js';
import { describeFreeSeats, freeSeats, isExpired } from '../shared/pool-status.js';

/** Whether a pool can take one more member, with a label that states it. */
export interface PoolAvailability {
  available: boolean;
  /** "3 of 24 seats free", "no seats left" or "expired". */
  label: string;
}

/** Tells whether the table may offer the pool for an assignment, and labels it. */
export function poolAvailability(pool: LicensePool, now: number = Date.now()): PoolAvailability {
  if (isExpired(pool, now)) return { available: false, label: msg('expired') };
  if (freeSeats(pool) === 0) return { available: false, label: msg('no seats left') };
  return { available: true, label: describeFreeSeats(pool) };
}

/** Returns the pool's name, with the plan when the name does not already contain it. */
export function poolTitle(pool: LicensePool): string {
  if (pool.name.toLowerCase() === pool.plan.toLowerCase()) return pool.name;
  return `${pool.name} (${pool.plan})`;
}
