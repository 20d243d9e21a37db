import { Hono } from 'hono';

import { AcceptInvitationRequest, InvitationRequest } from '../../../sdk/schemas/invitation.js';
import { ApiError } from '../../service/api-error.js';
import { acceptInvitation, invite, resendInvitation } from '../../service/invitations.js';
import { createSecret, hashSecret } from '../../service/secrets.js';
import { requirePermission } from '../../service/viewer.js';
import type { AppEnv } from '../app-env.js';
import { requestClient } from '../authentication.js';
import { canonicalJson, readJsonBody, validateBody } from '../validation.js';
import { memberResponse } from './member-routes.js';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Invitation routes of a workspace, mounted under `/v1/workspaces/:workspaceId/invitations`. */
export const invitationRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    // A member learns that they may not invite before learning what is wrong with the body.
    requirePermission(c.get('viewer'), 'invite');
    const key = c.req.header('Idempotency-Key');
    if (key !== undefined && (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new ApiError(
        400,
        'validation_failed',
        `Idempotency-Key must have 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, ` +
          `not ${key.length}. Send a random UUID.`,
        [{ path: 'Idempotency-Key', message: 'Use 1 to 200 characters.' }],
      );
    }

    const body = await readJsonBody(c.req.raw);
    const invitation = validateBody(InvitationRequest, body, 'invitation');
    const idempotency =
      key === undefined ? undefined : { key, requestHash: await hashSecret(canonicalJson(body)) };
    const token = await createSecret('lsi');

    const result = invite(c.get('service'), c.get('viewer'), invitation, token, idempotency);
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    c.header('Location', `/v1/workspaces/${c.get('viewer').workspaceId}/members/${result.body.id}`);
    return memberResponse(c, result.body, 201);
  })
  .post('/:memberId/resend', async (c) => {
    const token = await createSecret('lsi');
    const memberId = c.req.param('memberId');
    const member = resendInvitation(c.get('service'), c.get('viewer'), memberId, token);
    return memberResponse(c, member);
  });

/** `POST /v1/invitations/accept`, which the invitee calls without a session. */
export const acceptInvitationRoutes = new Hono<AppEnv>().post('/accept', async (c) => {
  const request = validateBody(
    AcceptInvitationRequest,
    await readJsonBody(c.req.raw),
    'acceptance',
  );
  const tokenHash = await hashSecret(request.token);
  const secrets = { session: await createSecret('lss'), authToken: await createSecret('lsat') };
  const accepted = c
    .get('credentialAttempts')
    .verify({ kind: 'invitation token', hash: tokenHash }, requestClient(c), () =>
      acceptInvitation(c.get('service'), tokenHash, request.name, secrets),
    );
  return c.json(accepted);
});
