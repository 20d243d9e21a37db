import type { LicensePool } from '../../sdk/schemas/index.js';
import { freeSeats, isExpired } from '../shared/pool-status.js';

/** Whether a pool can take one more member, with a label that states it. */
export interface PoolAvailability {
  available: boolean;
  /** "3 of 24 seats free", "no seats left" or "expired". */
  label: string;
}

/** Tells whether the table may offer the pool for an assignment, and labels it. */
export function poolAvailability(pool: LicensePool, now: number = Date.now()): PoolAvailability {
  if (isExpired(pool, now)) return { available: false, label: 'expired' };

  const free = freeSeats(pool);
  if (free === 0) return { available: false, label: 'no seats left' };
  return { available: true, label: `${free} of ${pool.seats} seats free` };
}

/** Returns the pool's name, with the plan when the name does not already contain it. */
export function poolTitle(pool: LicensePool): string {
  if (pool.name.toLowerCase() === pool.plan.toLowerCase()) return pool.name;
  return `${pool.name} (${pool.plan})`;
}
