export { workspaceContext } from './context/workspace-context.js';
export { StoreController, type StoreHost } from './controllers/store-controller.js';
export { LsMembersTable } from './members-table/ls-members-table.js';
export { LsWorkspace } from './workspace/ls-workspace.js';
