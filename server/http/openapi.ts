import * as z from 'zod/mini';

import { Activation, ActivationRequest } from '../../sdk/schemas/activation.js';
import {
  AuthToken,
  RotateAuthTokenRequest,
  RotatedAuthToken,
} from '../../sdk/schemas/auth-token.js';
import {
  AcceptedInvitation,
  AcceptInvitationRequest,
  InvitationRequest,
} from '../../sdk/schemas/invitation.js';
import { AssignLicenseRequest, Licenses } from '../../sdk/schemas/license.js';
import { MemberUpdate } from '../../sdk/schemas/member-update.js';
import {
  Member,
  MEMBER_STATUSES,
  MembersPage,
  OpenMemberStatus,
  OpenRole,
  OpenUsedCredentialKind,
  ROLES,
  USED_CREDENTIAL_KINDS,
} from '../../sdk/schemas/member.js';
import { MembersQuery } from '../../sdk/schemas/members-query.js';
import { Migration } from '../../sdk/schemas/migration.js';
import { PermissionCatalog } from '../../sdk/schemas/permissions.js';
import { Problem } from '../../sdk/schemas/problem.js';
import { WorkspaceInfo } from '../../sdk/schemas/workspace.js';
import { EmptyEventData, MemberRemovedEventData } from '../../sdk/schemas/workspace-event.js';
import { MAX_BODY_BYTES } from './validation.js';

type JsonObject = Record<string, unknown>;

// The SDK parses these open enumerations as plain strings to stay small, so the document lists
// their known values here.
z.globalRegistry.add(OpenRole, {
  description: `One of ${ROLES.join(', ')}, or a role that a later version of the API adds.`,
  examples: [...ROLES],
});
z.globalRegistry.add(OpenMemberStatus, {
  description: `One of ${MEMBER_STATUSES.join(', ')}, or a status that a later version adds.`,
  examples: [...MEMBER_STATUSES],
});
z.globalRegistry.add(OpenUsedCredentialKind, {
  description:
    `One of ${USED_CREDENTIAL_KINDS.join(', ')}, or a kind of credential that a later ` +
    'version adds.',
  examples: [...USED_CREDENTIAL_KINDS],
});

/** Converts a contract schema to JSON Schema 2020-12, the dialect of OpenAPI 3.1. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const converted: JsonObject = { ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }) };
  // OpenAPI 3.1 sets the dialect for the whole document.
  delete converted.$schema;
  return converted;
}

const RESPONSE_SCHEMAS = {
  WorkspaceInfo,
  Member,
  MembersPage,
  Licenses,
  PermissionCatalog,
  Migration,
  AuthToken,
  RotatedAuthToken,
  AcceptedInvitation,
  Activation,
  Problem,
  MemberRemovedEventData,
  EmptyEventData,
};

const REQUEST_SCHEMAS = {
  MemberUpdate,
  InvitationRequest,
  AcceptInvitationRequest,
  AssignLicenseRequest,
  ActivationRequest,
  RotateAuthTokenRequest,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { $ref: `#/components/responses/Problem${status}` }]),
  );

const ok = (name: string, description: string, status = '200') => ({
  [status]: { description, content: json(name) },
});

const body = (name: string) => ({ required: true, content: json(name) });

const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

const workspaceParameter = pathParameter('workspaceId', 'The workspace id, such as `ws_demo`.');
const memberParameter = pathParameter('memberId', 'The member id, such as `mem_…`.');

function memberQueryParameters(): JsonObject[] {
  const schema = jsonSchema(MembersQuery, 'input') as { properties: Record<string, JsonObject> };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'validation_failed: the request does not match the schema.',
  401:
    'unauthorized: the session token or credential is missing, malformed or unknown, or it ' +
    'is a replaced auth token whose grace period has ended.',
  403: 'forbidden (a member changing something) or no_license (activation).',
  404: 'not_found: no such workspace for this caller, member or invitation.',
  409: 'A rule rejected the change: see `code`.',
  412: 'version_conflict: If-Match does not carry the current version.',
  413: `payload_too_large: the request body is larger than ${MAX_BODY_BYTES} bytes.`,
  415: 'unsupported_media_type: the request body is not sent as application/json.',
  422: 'idempotency_key_reused: the key was used with a different body.',
  428: 'precondition_required: If-Match is missing.',
  429:
    'rate_limited: too many failed credentials from this client address or with this ' +
    'credential. Wait the seconds of Retry-After.',
};

/** Response headers of problem responses, by status. */
const PROBLEM_HEADERS: Record<number, JsonObject> = {
  429: {
    'Retry-After': {
      description: 'Seconds to wait before sending the credential again.',
      schema: { type: 'integer', minimum: 1 },
    },
  },
};

const EVENTS_DESCRIPTION = [
  "The workspace's changes as Server-Sent Events, for every member who may list the members.",
  'Each event has an `id`; reconnect with it in `Last-Event-ID` to receive what was missed.',
  'Events: `member` (data: a `Member`, after an invitation, a change, a license change, a',
  'legacy-key removal, a resend or a join), `member-removed` (data: `MemberRemovedEventData`),',
  '`licenses` (data: `EmptyEventData`; seats or the active-license count changed, read',
  '`/licenses` again) and `reset` (data: `EmptyEventData`; the id cannot be resumed, read',
  'everything again). Clients ignore other event types. A comment line is sent as a heartbeat',
  'when the stream is idle.',
].join(' ');

/** Builds the OpenAPI 3.1 document of API v1 from the same schemas the server validates with. */
export function buildOpenApiDocument(): JsonObject {
  const schemas: JsonObject = {};
  for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) {
    schemas[name] = jsonSchema(schema, 'output');
  }
  for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) {
    schemas[name] = jsonSchema(schema, 'input');
  }

  const responses = Object.fromEntries(
    Object.entries(PROBLEM_DESCRIPTIONS).map(([status, description]) => [
      `Problem${status}`,
      {
        description,
        ...(PROBLEM_HEADERS[Number(status)] ? { headers: PROBLEM_HEADERS[Number(status)] } : {}),
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    ]),
  );

  // Every route that takes a session token or another credential rejects repeated failures.
  const read = problems(400, 401, 404, 429);
  const change = problems(400, 401, 403, 404, 409, 429);
  // Every route that reads a request body can reject its size or media type.
  const bodyProblems = problems(413, 415);
  const member = '/v1/workspaces/{workspaceId}/members/{memberId}';

  return {
    openapi: '3.1.0',
    info: {
      title: 'ls-admin membership and license API',
      version: '1.0.0',
      description: 'Workspace members, invitations, license pools and the legacy-key migration.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    components: {
      schemas,
      responses,
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'A session token.' },
      },
    },
    paths: {
      '/v1/workspaces/{workspaceId}': {
        parameters: [workspaceParameter],
        get: {
          operationId: 'getWorkspace',
          responses: { ...ok('WorkspaceInfo', 'The workspace and the viewer.'), ...read },
        },
      },
      '/v1/workspaces/{workspaceId}/members': {
        parameters: [workspaceParameter],
        get: {
          operationId: 'listMembers',
          parameters: memberQueryParameters(),
          responses: { ...ok('MembersPage', 'One page of members.'), ...read },
        },
      },
      [member]: {
        parameters: [workspaceParameter, memberParameter],
        get: {
          operationId: 'getMember',
          responses: { ...ok('Member', 'The member; ETag carries its version.'), ...read },
        },
        patch: {
          operationId: 'updateMember',
          parameters: [
            {
              name: 'If-Match',
              in: 'header',
              required: true,
              description: 'The member version last read, such as `"3"`.',
              schema: { type: 'string' },
            },
          ],
          requestBody: body('MemberUpdate'),
          responses: {
            ...ok('Member', 'The changed member.'),
            ...change,
            ...problems(412, 428),
            ...bodyProblems,
          },
        },
        delete: {
          operationId: 'removeMember',
          description: 'Removes a member or revokes a pending invitation.',
          responses: { '204': { description: 'Removed.' }, ...change },
        },
      },
      '/v1/workspaces/{workspaceId}/invitations': {
        parameters: [workspaceParameter],
        post: {
          operationId: 'invite',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Replays the first response when the request is repeated within 24 h.',
              schema: { type: 'string', minLength: 1, maxLength: 200 },
            },
          ],
          requestBody: body('InvitationRequest'),
          responses: {
            ...ok('Member', 'The invited member.', '201'),
            ...change,
            ...problems(422),
            ...bodyProblems,
          },
        },
      },
      '/v1/workspaces/{workspaceId}/invitations/{memberId}/resend': {
        parameters: [workspaceParameter, memberParameter],
        post: {
          operationId: 'resendInvitation',
          responses: { ...ok('Member', 'The invited member.'), ...change },
        },
      },
      '/v1/invitations/accept': {
        post: {
          operationId: 'acceptInvitation',
          security: [],
          requestBody: body('AcceptInvitationRequest'),
          responses: {
            ...ok('AcceptedInvitation', 'The member and a new session.'),
            ...problems(400, 404, 409, 429),
            ...bodyProblems,
          },
        },
      },
      '/v1/workspaces/{workspaceId}/licenses': {
        parameters: [workspaceParameter],
        get: {
          operationId: 'listLicenses',
          responses: { ...ok('Licenses', 'Pools and the active-license count.'), ...read },
        },
      },
      [`${member}/license`]: {
        parameters: [workspaceParameter, memberParameter],
        put: {
          operationId: 'assignLicense',
          requestBody: body('AssignLicenseRequest'),
          responses: {
            ...ok('Member', 'The member with the license.'),
            ...change,
            ...bodyProblems,
          },
        },
        delete: {
          operationId: 'unassignLicense',
          responses: { ...ok('Member', 'The member without a license.'), ...change },
        },
      },
      [`${member}/legacy-key`]: {
        parameters: [workspaceParameter, memberParameter],
        delete: {
          operationId: 'removeLegacyKey',
          responses: { ...ok('Member', 'The member without a legacy key.'), ...change },
        },
      },
      '/v1/workspaces/{workspaceId}/permissions': {
        parameters: [workspaceParameter],
        get: {
          operationId: 'getPermissionCatalog',
          responses: { ...ok('PermissionCatalog', 'The catalog.'), ...read },
        },
      },
      '/v1/workspaces/{workspaceId}/migration': {
        parameters: [workspaceParameter],
        get: {
          operationId: 'getMigration',
          responses: { ...ok('Migration', 'Each member with a legacy key.'), ...read },
        },
      },
      '/v1/workspaces/{workspaceId}/events': {
        parameters: [workspaceParameter],
        get: {
          operationId: 'streamWorkspaceEvents',
          description: EVENTS_DESCRIPTION,
          parameters: [
            {
              name: 'Last-Event-ID',
              in: 'header',
              required: false,
              description: 'The id of the last event received; the stream resumes after it.',
              schema: { type: 'string', maxLength: 64 },
            },
            {
              name: 'lastEventId',
              in: 'query',
              required: false,
              description: 'The same as `Last-Event-ID`, for clients that cannot set headers.',
              schema: { type: 'string', maxLength: 64 },
            },
          ],
          responses: {
            '200': {
              description: 'An event stream that stays open.',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...read,
          },
        },
      },
      '/v1/me/auth-token': {
        get: {
          operationId: 'getOwnAuthToken',
          responses: {
            ...ok('AuthToken', 'The masked auth token.'),
            ...problems(401, 404, 429),
          },
        },
      },
      '/v1/me/auth-token/rotate': {
        post: {
          operationId: 'rotateOwnAuthToken',
          description:
            'Replaces the auth token. Without a body, or with `gracePeriodSeconds` 0, the old ' +
            'token stops working at once; otherwise it keeps working as the previous token ' +
            'for that many seconds. A previous token still in its grace period stops working ' +
            'at once, because a user has one previous token at most; `revokedTokenHints` ' +
            'lists the tokens that stopped.',
          requestBody: { required: false, content: json('RotateAuthTokenRequest') },
          responses: {
            ...ok('RotatedAuthToken', 'The new token, in full.'),
            ...problems(400, 401, 429),
            ...bodyProblems,
          },
        },
      },
      '/v1/me/auth-token/previous': {
        delete: {
          operationId: 'revokePreviousAuthToken',
          description:
            'Ends the grace period of the previous auth token now. Succeeds as well when ' +
            'there is no previous token.',
          responses: {
            ...ok('AuthToken', 'The masked auth token, without a previous token.'),
            ...problems(401, 404, 429),
          },
        },
      },
      '/v1/license/activate': {
        post: {
          operationId: 'activateLicense',
          security: [],
          requestBody: body('ActivationRequest'),
          responses: {
            ...ok('Activation', 'The license of the credential owner.'),
            ...problems(400, 401, 403, 429),
            ...bodyProblems,
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          security: [],
          responses: { '200': { description: 'This document.' } },
        },
      },
    },
  };
}
