import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';

import customElements from '../custom-elements.json' with { type: 'json' };
import { renderInWorkspace, loadStoryApi } from '../stories/support/story-api.js';
import '../src/define.js';

setCustomElementsManifest(customElements);

/** Widths that the elements must work at, 360 px being the narrowest phone layout. */
const VIEWPORTS = {
  narrow: { name: 'Phone, 360 px', styles: { width: '360px', height: '760px' }, type: 'mobile' },
  tablet: { name: 'Tablet, 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop: {
    name: 'Desktop, 1280 px',
    styles: { width: '1280px', height: '800px' },
    type: 'desktop',
  },
} as const;

const preview: Preview = {
  globalTypes: {
    colorScheme: {
      description: 'The color scheme of the page and the elements',
      toolbar: {
        title: 'Color scheme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
    networkDelay: {
      description: 'Milliseconds that the in-browser API waits before handling each request',
      toolbar: {
        title: 'Network delay',
        icon: 'timer',
        items: [
          { value: '0', title: 'No delay' },
          { value: '300', title: '300 ms' },
          { value: '1500', title: '1500 ms' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { colorScheme: 'light', locale: 'en', networkDelay: '0' },
  parameters: {
    // Without this, a failed assertion in a play function still ends the story as "success".
    throwPlayFunctionExceptions: true,
    layout: 'padded',
    viewport: { options: VIEWPORTS },
    controls: { expanded: true },
  },
  loaders: [loadStoryApi],
  decorators: [renderInWorkspace],
  tags: ['autodocs'],
};

export default preview;
