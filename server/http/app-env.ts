import type { ServiceContext } from '../service/service-context.js';
import type { SessionUser, Viewer } from '../service/viewer.js';
import type { Logger } from '../logger.js';
import type { CredentialAttempts } from './credential-attempts.js';

/** The per-request values that middleware sets on Hono's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    service: ServiceContext;
    logger: Logger;
    /** The client's IP address, or `unknown` where the runtime does not tell it. */
    clientAddress: string;
    credentialAttempts: CredentialAttempts;
    user: SessionUser;
    viewer: Viewer;
  };
}
