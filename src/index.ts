export { LsConfirmDialog, type ConfirmOptions } from './confirm-dialog/ls-confirm-dialog.js';
export { workspaceContext } from './context/workspace-context.js';
export { AnnouncerController } from './controllers/announcer-controller.js';
export { StoreController, type StoreHost } from './controllers/store-controller.js';
export * from './events/index.js';
export { LsKeyMigration } from './key-migration/ls-key-migration.js';
export { LsMembersTable } from './members-table/ls-members-table.js';
export { LsUsersLicenses } from './users-licenses/ls-users-licenses.js';
export { LsWorkspace } from './workspace/ls-workspace.js';
