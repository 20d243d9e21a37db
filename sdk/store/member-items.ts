import type { Member } from '../schemas/member.js';

/** Returns `items` with the member of the same id replaced, or `items` itself if absent. */
export function replaceMember(items: readonly Member[], member: Member): readonly Member[] {
  const index = items.findIndex((item) => item.id === member.id);
  if (index === -1) return items;
  return items.with(index, member);
}

/** Returns `items` without the member with `memberId`. */
export function withoutMember(items: readonly Member[], memberId: string): readonly Member[] {
  return items.filter((item) => item.id !== memberId);
}

/** Appends the members of a later page, skipping ids already listed. */
export function appendMembers(items: readonly Member[], page: readonly Member[]): Member[] {
  const known = new Set(items.map((item) => item.id));
  return [...items, ...page.filter((member) => !known.has(member.id))];
}
