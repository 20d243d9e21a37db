import * as z from 'zod/mini';

import { Id } from './common.js';

/**
 * The event types of `GET /workspaces/{ws}/events`. A client ignores types that are not listed
 * here, so a later version of the API can add more.
 */
export const WORKSPACE_EVENT_TYPES = ['member', 'member-removed', 'licenses', 'reset'] as const;
export type WorkspaceEventType = (typeof WORKSPACE_EVENT_TYPES)[number];

/** The data of a `member-removed` event: the member who left or whose invitation was revoked. */
export const MemberRemovedEventData = z.object({ memberId: Id });
export type MemberRemovedEventData = z.infer<typeof MemberRemovedEventData>;

/**
 * The data of a `licenses` event, which says that seats or the active-license count changed,
 * and of a `reset` event, which says that the client missed events and must read everything
 * again. Both are an empty object today; later versions may add fields.
 */
export const EmptyEventData = z.object({});
export type EmptyEventData = z.infer<typeof EmptyEventData>;
