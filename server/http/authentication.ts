import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';

import { hashSecret } from '../service/secrets.js';
import { findSessionUser, missingSessionError, resolveViewer } from '../service/viewer.js';
import type { AppEnv } from './app-env.js';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i;

/** Authenticates the session token of `Authorization: Bearer …` and sets `user`. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const match = BEARER.exec(c.req.header('Authorization')?.trim() ?? '');
  if (match?.[1] === undefined) throw missingSessionError();

  const tokenHash = await hashSecret(match[1]);
  const user = c
    .get('credentialAttempts')
    .verify({ kind: 'session token', hash: tokenHash }, requestClient(c), () =>
      findSessionUser(c.get('service'), tokenHash),
    );
  c.set('user', user);
  await next();
});

/** Returns the client address and request id that `CredentialAttempts` counts and logs. */
export function requestClient(c: Context<AppEnv>): { address: string; requestId: string } {
  return { address: c.get('clientAddress'), requestId: c.get('requestId') };
}

/** Resolves the signed-in user's membership of the workspace in the path and sets `viewer`. */
export const requireWorkspaceMember = createMiddleware<AppEnv>(async (c, next) => {
  const workspaceId = c.req.param('workspaceId');
  if (workspaceId === undefined) throw new Error('The route has no :workspaceId parameter.');

  c.set('viewer', resolveViewer(c.get('service'), c.get('user'), workspaceId));
  await next();
});
