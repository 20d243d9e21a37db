import { buildOpenApiDocument } from '../../../server/http/openapi.js';

/** How a route authenticates its caller, read from the OpenAPI document. */
export type Authentication =
  /** `security: []`: no session; a credential in the body, or none. */
  | 'public'
  /** A session token, with no workspace in the path (`/v1/me/…`). */
  | 'session'
  /** A session token of an active member of the workspace in the path. */
  | 'workspace';

/** One documented operation of API v1. */
export interface ApiOperation {
  operationId: string;
  /** Upper-case HTTP method, such as `PATCH`. */
  method: string;
  /** The OpenAPI path template, such as `/v1/workspaces/{workspaceId}/members/{memberId}`. */
  path: string;
  authentication: Authentication;
  /** Whether the operation documents a request body. */
  hasBody: boolean;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface OperationObject {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
}

/**
 * Lists every operation of the OpenAPI document that the server serves. The server's own
 * test (`server-openapi.test.ts`) checks that the document lists exactly the registered
 * routes, so a test that iterates over this list covers every route, including new ones.
 */
export function listApiOperations(): ApiOperation[] {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, OperationObject>>;
  };
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [key, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(key)) continue;
      if (operation.operationId === undefined) {
        throw new Error(`${key.toUpperCase()} ${path} has no operationId in the document.`);
      }
      operations.push({
        operationId: operation.operationId,
        method: key.toUpperCase(),
        path,
        authentication: authenticationOf(path, operation),
        hasBody: operation.requestBody !== undefined,
      });
    }
  }
  return operations;
}

function authenticationOf(path: string, operation: OperationObject): Authentication {
  if (Array.isArray(operation.security) && operation.security.length === 0) return 'public';
  return path.includes('{workspaceId}') ? 'workspace' : 'session';
}

/** Replaces each `{name}` of a path template with the encoded value of `values[name]`. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}.`);
    return encodeURIComponent(value);
  });
}
