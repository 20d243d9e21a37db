/**
 * Signs the demo page in as the seeded admin, in the language of `?lang=` (`en` or `de`). The dev server (vite.config.ts) serves the
 * credentials that the reference server wrote when it seeded the demo workspace.
 */
import type { DemoCredentialsFile } from '../../server/seed/demo-credentials-file.js';
import '../define.js';
import { addLanguagePicker } from './language-picker.js';

async function signIn(): Promise<void> {
  const response = await fetch('/demo-credentials.json');
  if (!response.ok) {
    throw new Error(
      `GET /demo-credentials.json failed with ${response.status}: ${await response.text()}`,
    );
  }
  const credentials = (await response.json()) as DemoCredentialsFile;

  // `?as=member` shows the read-only view of a member.
  const asMember = new URLSearchParams(location.search).get('as') === 'member';
  const workspace = document.querySelector('ls-workspace');
  if (workspace === null) throw new Error('The demo page has no <ls-workspace> element.');
  addLanguagePicker(workspace);

  // The page's own origin, because the dev server proxies /v1 to the reference server.
  workspace.apiBase = location.origin;
  workspace.workspace = credentials.workspaceId;
  workspace.token = asMember ? credentials.memberToken : credentials.adminToken;

  const signedIn = document.querySelector('#signed-in');
  if (signedIn !== null) {
    const who = asMember ? 'a member (read-only)' : 'the demo admin';
    signedIn.textContent = `Workspace ${credentials.workspaceId}, signed in as ${who}.`;
  }
}

signIn().catch((error: unknown) => {
  const alert = document.querySelector<HTMLElement>('#demo-error');
  if (alert === null) return;
  alert.textContent = `The demo could not sign in. ${error instanceof Error ? error.message : error}`;
  alert.hidden = false;
});
