// Generated from custom-elements.json by scripts/element-types/generate.ts. Do not edit:
// after changing an element's fields, run `npm run analyze` and then `npm run element-types`.

import type {
  LsAuthToken,
  LsConfirmDialog,
  LsInviteForm,
  LsKeyMigration,
  LsLicenses,
  LsMembersTable,
  LsUsersLicenses,
  LsWorkspace,
} from '../src/index.js';

/** The class of each ls-admin element, by tag. */
export interface LsElements {
  'ls-auth-token': LsAuthToken;
  'ls-confirm-dialog': LsConfirmDialog;
  'ls-invite-form': LsInviteForm;
  'ls-key-migration': LsKeyMigration;
  'ls-licenses': LsLicenses;
  'ls-members-table': LsMembersTable;
  'ls-users-licenses': LsUsersLicenses;
  'ls-workspace': LsWorkspace;
}

/**
 * The properties that a host page sets on each ls-admin element: the public fields listed in
 * the Custom Elements Manifest, without the read-only ones.
 */
export interface LsElementProperties {
  'ls-auth-token': Pick<LsAuthToken, 'store' | 'headingLevel'>;
  'ls-confirm-dialog': Pick<LsConfirmDialog, never>;
  'ls-invite-form': Pick<LsInviteForm, 'store'>;
  'ls-key-migration': Pick<LsKeyMigration, 'store' | 'headingLevel'>;
  'ls-licenses': Pick<LsLicenses, 'store' | 'headingLevel'>;
  'ls-members-table': Pick<LsMembersTable, 'store' | 'headingLevel'>;
  'ls-users-licenses': Pick<LsUsersLicenses, 'store'>;
  'ls-workspace': Pick<
    LsWorkspace,
    'apiBase' | 'workspace' | 'token' | 'getToken' | 'client' | 'store' | 'locale'
  >;
}
