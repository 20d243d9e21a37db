import type { MembersQuery } from '../schemas/members-query.js';

/** Turns a members query into search parameters, leaving out the fields that are unset. */
export function membersSearchParams(query: MembersQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  return params;
}
