import { executeServerCommand } from '@web/test-runner-commands';

import { createWorkspaceClient, WorkspaceStore, type WorkspaceClient } from '../../../sdk/index.js';
import type { FaultRule, SeededWorkspace } from './reference-server-plugin.js';

export type { SeededWorkspace };

/** Seeds a fresh demo workspace on a reference server of its own. */
export function seedWorkspace(): Promise<SeededWorkspace> {
  return executeServerCommand<SeededWorkspace, undefined>('ls-seed-workspace');
}

/** Makes the next request of the seeded workspace whose path contains `rule.path` fail or wait. */
export async function injectFault(seeded: SeededWorkspace, rule: FaultRule): Promise<void> {
  await executeServerCommand('ls-inject-fault', { token: seeded.adminToken, rule });
}

/**
 * Ends the session of `token` as if it had expired and signs the same user in again. Returns
 * the new session token; requests with the old one get `401 unauthorized`.
 */
export function renewSession(token: string): Promise<string> {
  return executeServerCommand<string, { token: string }>('ls-renew-session', { token });
}

/** Accepts the newest invitation to `email` as the invitee does, which makes them active. */
export async function acceptInvitation(
  seeded: SeededWorkspace,
  email: string,
  name: string,
): Promise<void> {
  await executeServerCommand('ls-accept-invitation', { token: seeded.adminToken, email, name });
}

/**
 * Creates a client for the seeded workspace through the test runner's origin. Retries are off
 * so that one injected failure fails the request.
 */
export function createClient(seeded: SeededWorkspace, token = seeded.adminToken): WorkspaceClient {
  return createWorkspaceClient({
    baseUrl: location.origin,
    workspaceId: seeded.workspaceId,
    token,
    retry: 0,
  });
}

/** Creates a store on `createClient`, with live updates off. */
export function createStore(seeded: SeededWorkspace, token = seeded.adminToken): WorkspaceStore {
  // NOTE: live updates stay off because some tests model a page that has not yet received
  // another admin's change: role-conflict.test.ts, "shows a version conflict and rolls back" in
  // ls-members-table.test.ts and "reports forbidden when no longer an admin" in
  // ls-invite-form.test.ts. With the stream on, the event arrives first and no conflict
  // happens. "moves the meter when a license is unassigned" in ls-licenses.test.ts also fails
  // with it on: the `licenses` event starts a reload after the one that `unassignLicense`
  // waits for, so the store discards the awaited response and the call resolves before
  // `state.licenses` shows the change.
  return new WorkspaceStore(createClient(seeded, token), { liveUpdates: false });
}
