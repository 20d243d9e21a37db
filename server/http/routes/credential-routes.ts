import { Hono } from 'hono';

import { ActivationRequest } from '../../../sdk/schemas/activation.js';
import {
  MAX_GRACE_PERIOD_SECONDS,
  RotateAuthTokenRequest,
} from '../../../sdk/schemas/auth-token.js';
import { ApiError } from '../../service/api-error.js';
import { activateLicense } from '../../service/credentials.js';
import { mislabelledType, withTypeHint } from '../mislabelled-credential.js';
import {
  getOwnAuthToken,
  revokePreviousAuthToken,
  rotateOwnAuthToken,
} from '../../service/own-auth-token.js';
import { createSecret, hashSecret } from '../../service/secrets.js';
import type { AppEnv } from '../app-env.js';
import { requestClient } from '../authentication.js';
import { readJsonBody, validateBody } from '../validation.js';

/** The caller's own auth token, mounted under `/v1/me`. */
export const ownTokenRoutes = new Hono<AppEnv>()
  .get('/auth-token', (c) => c.json(getOwnAuthToken(c.get('service'), c.get('user'))))
  .post('/auth-token/rotate', async (c) => {
    const gracePeriodSeconds = await readGracePeriod(c.req.raw);
    const token = await createSecret('lsat');
    return c.json(rotateOwnAuthToken(c.get('service'), c.get('user'), token, gracePeriodSeconds));
  })
  .delete('/auth-token/previous', (c) =>
    c.json(revokePreviousAuthToken(c.get('service'), c.get('user'))),
  );

/**
 * Reads the optional body of a rotation: the grace period in seconds, 0 when the body or the
 * field is left out.
 */
async function readGracePeriod(request: Request): Promise<number> {
  const body = await readJsonBody(request, { optional: true });
  if (body === undefined) return 0;
  try {
    return validateBody(RotateAuthTokenRequest, body, 'rotation request').gracePeriodSeconds ?? 0;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(
      error.status,
      error.code,
      `${error.detail} Send {"gracePeriodSeconds": n} with a whole number of seconds from 0 ` +
        `(the old token stops working at once) to ${MAX_GRACE_PERIOD_SECONDS} (7 days), ` +
        'or send no body.',
      error.errors,
    );
  }
}

/** `POST /v1/license/activate`, authenticated by the credential in the body. */
export const activationRoutes = new Hono<AppEnv>().post('/activate', async (c) => {
  const { credentials } = validateBody(
    ActivationRequest,
    await readJsonBody(c.req.raw),
    'activation',
  );
  const tokenHash = await hashSecret(credentials.token);
  const kind = credentials.type === 'auth-token' ? 'auth token' : 'legacy API key';
  const activation = c
    .get('credentialAttempts')
    .verify({ kind, hash: tokenHash }, requestClient(c), () => {
      try {
        return activateLicense(c.get('service'), credentials.type, tokenHash);
      } catch (error) {
        const expected = mislabelledType(credentials.type, credentials.token);
        if (expected === undefined || !(error instanceof ApiError) || error.status !== 401) {
          throw error;
        }
        throw withTypeHint(error, credentials.type, expected);
      }
    });
  return c.json(activation);
});
