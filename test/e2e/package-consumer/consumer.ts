// Uses each entry's declarations as a TypeScript project that installed the package does.
import {
  createWorkspaceClient,
  type LsMemberInvitedEvent,
  type LsWorkspace,
  type Member,
  type WorkspaceClient,
} from 'ls-admin';
import 'ls-admin/define';
import type { LsUsersLicenses } from 'ls-admin/elements';
import { isHttpError, WorkspaceStore } from 'ls-admin/sdk';
import type {} from 'ls-admin/types/react';
import type {} from 'ls-admin/types/vue';

export const client: WorkspaceClient = createWorkspaceClient({
  baseUrl: 'http://127.0.0.1:8787',
  workspaceId: 'ws_demo',
  token: 'lss_example',
});
export const store = new WorkspaceStore(client);

// `ls-admin/define` adds the tags to HTMLElementTagNameMap.
const workspace: LsWorkspace = document.createElement('ls-workspace');
workspace.token = 'lss_example';
export const panel: LsUsersLicenses = document.createElement('ls-users-licenses');

// The events add themselves to GlobalEventHandlersEventMap.
workspace.addEventListener('ls-member-invited', (event: LsMemberInvitedEvent) => {
  const member: Member = event.member;
  console.log(member.email);
});

export function describeFailure(error: unknown): string {
  return isHttpError(error) ? `${error.status} ${error.code}` : String(error);
}

// @ts-expect-error The token is a string.
workspace.token = 42;
