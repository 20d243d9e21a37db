/**
 * Types the ls-admin tags in Vue 3 templates, for vue-tsc and the Vue language tools: each tag
 * takes its element's properties, and `@ls-member-invited` and the other ls-admin events get
 * their event class. Load it once with `import type {} from 'ls-admin/types/vue'`. This
 * follows the "Web Components and TypeScript" section of Vue's guide.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';

import type { LsElementProperties, LsElements } from './elements.js';
import type { LsEventMap } from './events.js';

/**
 * A component type that Vue reads `$props` and `$emit` from. Neither exists on the element:
 * they are for type checking only.
 */
export type LsVueElement<Tag extends keyof LsElements> = new () => LsElements[Tag] & {
  /** @deprecated Template type checking only: elements have no `$props`. */
  $props: HTMLAttributes & Partial<LsElementProperties[Tag]> & PublicProps;
  /** @deprecated Template type checking only: elements have no `$emit`. */
  $emit: EmitFn<{ [Name in keyof LsEventMap]: (event: LsEventMap[Name]) => void }>;
};

type LsGlobalComponents = { [Tag in keyof LsElements]: LsVueElement<Tag> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the tags in.
  interface GlobalComponents extends LsGlobalComponents {}
}
