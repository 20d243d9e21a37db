import { msg, str } from '@lit/localize';

import type { LicensePool } from '../../sdk/schemas/license.js';
import { formatNumber, selectPlural } from '../i18n/format.js';

/** Tells whether a pool's expiry has passed; such a pool accepts no new assignments. */
export function isExpired(pool: LicensePool, now: number = Date.now()): boolean {
  return pool.expiresAt !== null && Date.parse(pool.expiresAt) <= now;
}

/** Returns the number of seats still free, never below zero. */
export function freeSeats(pool: LicensePool): number {
  return Math.max(0, pool.seats - pool.used);
}

/** Tells whether a pool has every seat taken. */
export function isFull(pool: LicensePool): boolean {
  return pool.used >= pool.seats;
}

/**
 * Returns why a seat cannot be taken from the pool now, or `null` when it can. The server
 * decides again on each request.
 */
export function unavailableReason(
  pool: LicensePool,
  now: number = Date.now(),
): 'expired' | 'full' | null {
  if (isExpired(pool, now)) return 'expired';
  if (isFull(pool)) return 'full';
  return null;
}

/** Describes the pool for a choice of pools, such as "Team: 2 of 12 seats free". */
export function describePoolChoice(pool: LicensePool, now: number = Date.now()): string {
  const name = pool.name;
  const reason = unavailableReason(pool, now);
  if (reason === 'expired') return msg(str`${name}: expired`);
  if (reason === 'full') return msg(str`${name}: no seats free`);
  const seats = describeFreeSeats(pool);
  return msg(str`${name}: ${seats}`);
}

/** Describes the free seats, such as "2 of 12 seats free". */
export function describeFreeSeats(pool: LicensePool): string {
  const free = formatNumber(freeSeats(pool));
  const seats = formatNumber(pool.seats);
  return selectPlural(pool.seats, {
    one: msg(str`${free} of ${seats} seat free`),
    other: msg(str`${free} of ${seats} seats free`),
  });
}

/** Describes the seats in use, such as "10 of 12 seats used". */
export function describeSeatsUsed(pool: LicensePool): string {
  const used = formatNumber(pool.used);
  const seats = formatNumber(pool.seats);
  return selectPlural(pool.seats, {
    one: msg(str`${used} of ${seats} seat used`),
    other: msg(str`${used} of ${seats} seats used`),
  });
}

/** Groups pools by plan, keeping the order in which each plan first appears. */
export function groupByPlan(pools: readonly LicensePool[]): Map<string, LicensePool[]> {
  const groups = new Map<string, LicensePool[]>();
  for (const pool of pools) {
    const group = groups.get(pool.plan);
    if (group === undefined) groups.set(pool.plan, [pool]);
    else group.push(pool);
  }
  return groups;
}
