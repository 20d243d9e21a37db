import type { Permission, PermissionCatalog } from '../../sdk/schemas/permissions.js';
import type { WorkspaceInfo } from '../../sdk/schemas/workspace.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './service-context.js';
import type { Viewer } from './viewer.js';

/** Plans whose workspaces can grant advanced permissions. */
export const PLANS_WITH_ADVANCED_PERMISSIONS: readonly string[] = ['enterprise'];

/** The advanced-permission catalog; only these ids are accepted in a member's permissions. */
export const PERMISSION_CATALOG: readonly Permission[] = [
  {
    id: 'billing.view',
    label: 'View billing',
    description: 'See invoices, payment methods and the subscription plan.',
  },
  {
    id: 'billing.manage',
    label: 'Manage billing',
    description: 'Change the payment method and download invoices.',
  },
  {
    id: 'audit.view',
    label: 'View audit log',
    description: 'Read the log of changes made in the workspace.',
  },
  {
    id: 'projects.create',
    label: 'Create projects',
    description: 'Create new projects in the workspace.',
  },
  {
    id: 'integrations.manage',
    label: 'Manage integrations',
    description: 'Connect and disconnect third-party integrations.',
  },
];

interface WorkspaceRow {
  id: string;
  name: string;
  plan: string;
}

/** Loads a workspace that the viewer belongs to. */
export function loadWorkspace(context: ServiceContext, workspaceId: string): WorkspaceRow {
  const row = context.db.get<WorkspaceRow>('SELECT id, name, plan FROM workspaces WHERE id = ?', [
    workspaceId,
  ]);
  if (row === undefined) {
    throw new ApiError(404, 'not_found', `Workspace ${workspaceId} was not found.`);
  }
  return row;
}

/** Returns the workspace and the viewer's own role and permissions. */
export function getWorkspaceInfo(context: ServiceContext, viewer: Viewer): WorkspaceInfo {
  const workspace = loadWorkspace(context, viewer.workspaceId);
  return {
    workspace,
    viewer: { memberId: viewer.memberId, role: viewer.role, permissions: viewer.permissions },
  };
}

/** Returns the advanced-permission catalog and whether the workspace's plan offers it. */
export function getPermissionCatalog(context: ServiceContext, viewer: Viewer): PermissionCatalog {
  const { plan } = loadWorkspace(context, viewer.workspaceId);
  return {
    available: PLANS_WITH_ADVANCED_PERMISSIONS.includes(plan),
    plan,
    permissions: [...PERMISSION_CATALOG],
  };
}
