import { createContext } from '@lit/context';

import type { WorkspaceStore } from '../../sdk/store/workspace-store.js';

/**
 * The workspace store that `<ls-workspace>` provides to its subtree. Every element on a page
 * shares it, so a change made in one element shows in all the others.
 */
export const workspaceContext = createContext<WorkspaceStore | undefined>(
  Symbol.for('ls-admin.workspace-store'),
);
