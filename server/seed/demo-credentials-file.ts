import type { ReissuedDemoCredentials } from './reissue-demo-credentials.js';

/**
 * The contents of `.data/demo-credentials.json`: what a page or script needs to reach the demo
 * workspace. `adminToken` and `memberToken` are the session tokens to send as bearer tokens.
 */
export interface DemoCredentialsFile extends ReissuedDemoCredentials {
  baseUrl: string;
  adminToken: string;
  memberToken: string;
}

/** Builds the credentials file of a demo workspace served at `baseUrl`. */
export function toDemoCredentialsFile(
  baseUrl: string,
  credentials: ReissuedDemoCredentials,
): DemoCredentialsFile {
  return {
    baseUrl,
    workspaceId: credentials.workspaceId,
    adminToken: credentials.admin.sessionToken,
    memberToken: credentials.member.sessionToken,
    admin: credentials.admin,
    member: credentials.member,
  };
}
