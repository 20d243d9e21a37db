// Imports the client from the root entry, which also exports every element class. A bundler
// that honours `sideEffects` leaves the elements and Lit out.
import { createWorkspaceClient } from 'ls-admin';

export const client = createWorkspaceClient({
  baseUrl: 'http://127.0.0.1:8787',
  workspaceId: 'ws_demo',
  token: 'lss_example',
});
