import vue from '@vitejs/plugin-vue';

import { exampleConfig } from '../example-config.js';

export default exampleConfig(import.meta.url, {
  plugins: [
    vue({
      // Vue renders ls-* tags as custom elements instead of resolving them as components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ls-') } },
    }),
  ],
});
