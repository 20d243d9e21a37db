// Type tests for `ls-admin/types/vue`, checked by `tsc -p examples`: each
// `@ts-expect-error` fails the check when the line it marks compiles. vue-tsc and the Vue
// language tools read the same `$props` and `$emit` types to check templates.
import type { LsMemberInvitedEvent } from 'ls-admin';
import type {} from 'ls-admin/types/vue';
import type { GlobalComponents } from 'vue';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
type EmitOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$emit'];

export const typed: PropsOf<'ls-workspace'> = {
  workspace: 'ws_demo',
  token: 'lss_example',
  getToken: async () => 'lss_example',
};

// @ts-expect-error The token is a string.
export const numericToken: PropsOf<'ls-workspace'> = { token: 42 };

// @ts-expect-error <ls-licenses> has no token property.
export const unknownProperty: PropsOf<'ls-licenses'> = { token: 'lss_example' };

export function emitEvents(emit: EmitOf<'ls-workspace'>, invited: LsMemberInvitedEvent): void {
  emit('ls-member-invited', invited);

  // @ts-expect-error A member-invited event is an LsMemberInvitedEvent.
  emit('ls-member-invited', new Event('ls-member-invited'));

  // @ts-expect-error ls-admin has no ls-member-renamed event.
  emit('ls-member-renamed', invited);
}
