import type { ServiceContext } from '../service/service-context.js';
import type { SessionUser, Viewer } from '../service/viewer.js';
import type { Logger } from '../logger.js';

/** The per-request values that middleware sets on Hono's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    service: ServiceContext;
    logger: Logger;
    user: SessionUser;
    viewer: Viewer;
  };
}
