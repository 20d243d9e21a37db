import { Hono } from 'hono';
import type { Context } from 'hono';

import { AssignLicenseRequest } from '../../../sdk/schemas/license.js';
import type { Member } from '../../../sdk/schemas/member.js';
import { MemberUpdate } from '../../../sdk/schemas/member-update.js';
import { MembersQuery } from '../../../sdk/schemas/members-query.js';
import { ApiError } from '../../service/api-error.js';
import { assignLicense, removeLegacyKey, unassignLicense } from '../../service/licenses.js';
import { listMembers } from '../../service/member-list.js';
import { getMember, removeMember, updateMember } from '../../service/member-changes.js';
import { requirePermission } from '../../service/viewer.js';
import type { AppEnv } from '../app-env.js';
import { readJsonBody, validate, validateBody } from '../validation.js';

/** Member routes, mounted under `/v1/workspaces/:workspaceId/members`. */
export const memberRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const query = validate(MembersQuery, c.req.query(), 'members query');
    return c.json(listMembers(c.get('service'), c.get('viewer'), query));
  })
  .get('/:memberId', (c) => {
    const member = getMember(c.get('service'), c.get('viewer'), c.req.param('memberId'));
    return memberResponse(c, member);
  })
  .patch('/:memberId', async (c) => {
    if (c.get('viewer').role !== 'admin') requirePermission(c.get('viewer'), 'changeRole');
    const expectedVersion = parseIfMatch(c.req.header('If-Match'));
    const update = validateBody(MemberUpdate, await readJsonBody(c.req.raw), 'member update');
    const member = updateMember(c.get('service'), c.get('viewer'), c.req.param('memberId'), {
      ...update,
      expectedVersion,
    });
    return memberResponse(c, member);
  })
  .delete('/:memberId', (c) => {
    removeMember(c.get('service'), c.get('viewer'), c.req.param('memberId'));
    return c.body(null, 204);
  })
  .put('/:memberId/license', async (c) => {
    requirePermission(c.get('viewer'), 'manageLicenses');
    const body = validateBody(
      AssignLicenseRequest,
      await readJsonBody(c.req.raw),
      'license request',
    );
    const memberId = c.req.param('memberId');
    const member = assignLicense(c.get('service'), c.get('viewer'), memberId, body.licenseId);
    return memberResponse(c, member);
  })
  .delete('/:memberId/license', (c) => {
    const member = unassignLicense(c.get('service'), c.get('viewer'), c.req.param('memberId'));
    return memberResponse(c, member);
  })
  .delete('/:memberId/legacy-key', (c) => {
    const member = removeLegacyKey(c.get('service'), c.get('viewer'), c.req.param('memberId'));
    return memberResponse(c, member);
  });

/** Responds with a member and its `ETag`, which `If-Match` sends back on the next change. */
export function memberResponse(c: Context<AppEnv>, member: Member, status: 200 | 201 = 200) {
  c.header('ETag', `"${member.version}"`);
  return c.json(member, status);
}

/**
 * Reads the member version from `If-Match: "<version>"`. A weak tag (`W/"3"`) is accepted as
 * well, because the version is the only thing compared. `If-Match: *` matches any current
 * version (RFC 9110, section 13.1.1).
 */
function parseIfMatch(header: string | undefined): number | 'any' {
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      428,
      'precondition_required',
      'Changing a member needs If-Match: "<version>" with the version you last read, ' +
        'so that concurrent changes are not lost. Read the member and send its ETag.',
    );
  }
  if (header.trim() === '*') return 'any';
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(header.trim());
  if (match?.[1] === undefined) {
    throw new ApiError(
      412,
      'version_conflict',
      `If-Match ${header} does not name a member version. Send the member's ETag, such as "3".`,
    );
  }
  return Number(match[1]);
}
