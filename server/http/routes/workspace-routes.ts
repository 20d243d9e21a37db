import { Hono } from 'hono';

import { getMigration } from '../../service/migration.js';
import { getPermissionCatalog, getWorkspaceInfo } from '../../service/workspace.js';
import { listLicenses } from '../../service/licenses.js';
import type { AppEnv } from '../app-env.js';

/** Read-only workspace routes, mounted under `/v1/workspaces/:workspaceId`. */
export const workspaceRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(getWorkspaceInfo(c.get('service'), c.get('viewer'))))
  .get('/licenses', (c) => c.json(listLicenses(c.get('service'), c.get('viewer'))))
  .get('/permissions', (c) => c.json(getPermissionCatalog(c.get('service'), c.get('viewer'))))
  .get('/migration', (c) => c.json(getMigration(c.get('service'), c.get('viewer'))));
