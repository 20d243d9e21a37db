// Type tests for `ls-admin/types/react`, checked by `tsc -p examples`: each
// `@ts-expect-error` fails the check when the line it marks compiles.
import type { LsMemberInvitedEvent } from 'ls-admin';
import type {} from 'ls-admin/types/react';

export const typed = (
  <ls-workspace
    workspace="ws_demo"
    token="lss_example"
    getToken={async () => 'lss_example'}
    onls-member-invited={(event: LsMemberInvitedEvent) => event.member.email}
  >
    <ls-members-table headingLevel={3} />
  </ls-workspace>
);

// @ts-expect-error The token is a string.
export const numericToken = <ls-workspace token={42} />;

// @ts-expect-error <ls-licenses> has no token property.
export const unknownProperty = <ls-licenses token="lss_example" />;

// @ts-expect-error A member-invited event has a member, not a licenseId.
export const wrongEventField = <ls-workspace onls-member-invited={(event) => event.licenseId} />;

// @ts-expect-error A member-invited listener receives an LsMemberInvitedEvent.
export const wrongListener = <ls-workspace onls-member-invited={(event: KeyboardEvent) => event} />;
