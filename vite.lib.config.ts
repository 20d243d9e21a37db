import { readFileSync } from 'node:fs';

import { defineConfig } from 'vite';

import { litTemplateMinifier } from './scripts/lit-templates/plugins.js';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};

/** `lit` and `lit/decorators.js` alike: a host's bundler resolves the dependencies once. */
const dependencies = Object.keys(manifest.dependencies ?? {});
const isDependency = (id: string) =>
  dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * The library build of the elements (`npm run build`): ES modules in `dist/`, with the
 * dependencies left as imports. `index.js` exports the classes without registering them;
 * `define.js` registers every element. The CSS and HTML of the Lit templates are minified,
 * as `.size-limit.js` measures them.
 */
export default defineConfig({
  // The demo page's public files and credentials plugin belong to the dev server only.
  publicDir: false,
  plugins: [litTemplateMinifier()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', define: 'src/define.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      external: isDependency,
    },
  },
});
