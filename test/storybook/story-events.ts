/**
 * An init script that records the Storybook preview's channel events in
 * `window.__lsStoryEvents`. It runs before Storybook creates its channel: the preview stores
 * the channel in `globalThis.__STORYBOOK_ADDONS_CHANNEL__`, and the setter below subscribes as
 * soon as it does, so no event of the first render is missed. Event names are those of
 * `storybook/internal/core-events` in storybook 10.6.
 *
 * It is a string, not a function, because tsx compiles functions with a `__name` helper that
 * does not exist in the page.
 */
export const RECORD_STORY_EVENTS = `(() => {
  const names = [
    'storyFinished',
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'storyRenderPhaseChanged',
    'storyMissing',
    'docsRendered',
  ];
  const events = [];
  let channel;
  window.__lsStoryEvents = events;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of names) value?.on(name, (payload) => events.push({ name, payload }));
    },
  });
})();`;

/** One recorded channel event. */
export interface StoryEvent {
  name: string;
  payload: unknown;
}
