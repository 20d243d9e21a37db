import { Hono } from 'hono';

import { ActivationRequest } from '../../../sdk/schemas/activation.js';
import { activateLicense, getOwnAuthToken, rotateOwnAuthToken } from '../../service/credentials.js';
import { createSecret, hashSecret } from '../../service/secrets.js';
import type { AppEnv } from '../app-env.js';
import { requestClient } from '../authentication.js';
import { readJsonBody, validateBody } from '../validation.js';

/** The caller's own auth token, mounted under `/v1/me`. */
export const ownTokenRoutes = new Hono<AppEnv>()
  .get('/auth-token', (c) => c.json(getOwnAuthToken(c.get('service'), c.get('user'))))
  .post('/auth-token/rotate', async (c) => {
    const token = await createSecret('lsat');
    return c.json(rotateOwnAuthToken(c.get('service'), c.get('user'), token));
  });

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
    .verify({ kind, hash: tokenHash }, requestClient(c), () =>
      activateLicense(c.get('service'), credentials.type, tokenHash),
    );
  return c.json(activation);
});
