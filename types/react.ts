/**
 * Types the ls-admin tags in React 19's JSX: each tag takes its element's properties and an
 * `on<event name>` listener for every ls-admin event, such as `onls-member-invited`, which
 * React 19 adds with `addEventListener`. Load it once with
 * `import type {} from 'ls-admin/types/react'`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

import type { LsElementProperties, LsElements } from './elements.js';
import type { LsEventMap } from './events.js';

type EventListenerProps = {
  [Name in keyof LsEventMap as `on${Name}`]?: (event: LsEventMap[Name]) => void;
};

/** The JSX props of one ls-admin tag. */
export type LsElementProps<Tag extends keyof LsElements> = DetailedHTMLProps<
  HTMLAttributes<LsElements[Tag]>,
  LsElements[Tag]
> &
  Partial<LsElementProperties[Tag]> &
  EventListenerProps;

type LsIntrinsicElements = { [Tag in keyof LsElements]: LsElementProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX as a namespace.
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the tags in.
    interface IntrinsicElements extends LsIntrinsicElements {}
  }
}
