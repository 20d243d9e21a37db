import type * as Events from '../src/events/index.js';

type EventClass = (typeof Events)[keyof typeof Events];

/**
 * Every ls-admin event class by its event name, such as `ls-member-invited`. Every event
 * bubbles and crosses shadow roots, so an element also receives the events of the elements
 * inside it: `<ls-workspace>` and `<ls-users-licenses>` receive all of them.
 */
export type LsEventMap = {
  [Class in EventClass as Class['eventName']]: InstanceType<Class>;
};
