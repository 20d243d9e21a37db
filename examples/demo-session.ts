/**
 * The session that the React and Vue examples sign in with: the demo admin's. In a real host,
 * the host's own sign-in provides the signed-in user's session token.
 */
export interface DemoSession {
  workspaceId: string;
  token: string;
}

/**
 * Reads the demo admin's session from `/demo-credentials.json`, which the examples' dev
 * server serves from the file that the reference server wrote when it seeded the workspace.
 */
export async function fetchDemoSession(): Promise<DemoSession> {
  const response = await fetch('/demo-credentials.json');
  if (!response.ok) {
    throw new Error(
      `GET /demo-credentials.json failed with ${response.status}. Start the reference server with npm run server.`,
    );
  }
  const credentials = (await response.json()) as { workspaceId: string; adminToken: string };
  return { workspaceId: credentials.workspaceId, token: credentials.adminToken };
}
