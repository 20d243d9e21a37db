import * as z from 'zod/mini';

import { Id, Timestamp } from './common.js';

/**
 * A member's step in the move from a legacy API key to an auth token:
 * 1 assign a license, 2 switch to the auth token, 3 auth token in use, 4 remove the legacy key.
 */
export const MigrationStep = z.literal([1, 2, 3, 4]);
export type MigrationStep = z.infer<typeof MigrationStep>;

const StepCount = z.int().check(z.minimum(0));

/** The legacy-key migration: the deprecation date and each affected member's step. */
export const Migration = z.object({
  deprecationDate: Timestamp,
  counts: z.object({ '1': StepCount, '2': StepCount, '3': StepCount, '4': StepCount }),
  members: z.array(z.object({ memberId: Id, step: MigrationStep })),
});
export type Migration = z.infer<typeof Migration>;
