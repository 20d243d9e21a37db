import * as z from 'zod/mini';

import { Id, Timestamp } from './common.js';

/** Seats of one subscription plan; `used` counts the members and invitations holding one. */
export const LicensePool = z.object({
  id: Id,
  plan: z.string(),
  name: z.string(),
  seats: z.int().check(z.minimum(0)),
  used: z.int().check(z.minimum(0)),
  expiresAt: z.nullable(Timestamp),
});
export type LicensePool = z.infer<typeof LicensePool>;

/**
 * The workspace's license pools and its active-license count, where a member who holds
 * a license, a legacy API key or both counts once.
 */
export const Licenses = z.object({
  pools: z.array(LicensePool),
  activeLicenseCount: z.int().check(z.minimum(0)),
});
export type Licenses = z.infer<typeof Licenses>;

/** The body of `PUT /workspaces/{ws}/members/{id}/license`. */
export const AssignLicenseRequest = z.object({
  licenseId: Id,
});
export type AssignLicenseRequest = z.infer<typeof AssignLicenseRequest>;
