export { LsAuthToken } from './auth-token/ls-auth-token.js';
export { LsConfirmDialog, type ConfirmOptions } from './confirm-dialog/ls-confirm-dialog.js';
export { workspaceContext } from './context/workspace-context.js';
export { AnnouncerController } from './controllers/announcer-controller.js';
export { StoreController, type StoreHost } from './controllers/store-controller.js';
export * from './events/index.js';
export {
  loadTemplates,
  SUPPORTED_LOCALES,
  useSharedLocalization,
  type Localization,
  type SupportedLocale,
} from './i18n/localization.js';
export { LsInviteForm } from './invite-form/ls-invite-form.js';
export { LsKeyMigration } from './key-migration/ls-key-migration.js';
export { LsLicenses } from './licenses/ls-licenses.js';
export { LsMembersTable } from './members-table/ls-members-table.js';
export { LsUsersLicenses } from './users-licenses/ls-users-licenses.js';
export { LsWorkspace } from './workspace/ls-workspace.js';
