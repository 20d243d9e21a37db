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
 * The library build of the package (`npm run build:package`): one ES module in `dist/` per
 * source module, with the dependencies left as imports. The entries are `index.js` (the SDK and
 * the element classes), `src/index.js` (the classes without registering them), `src/define.js`
 * (registers every element) and `sdk/index.js`. Only the `define.js` modules have side effects
 * (`sideEffects` in package.json), so a host's bundler drops the modules of every element that
 * the host does not import. The CSS and HTML of the Lit templates are minified, as
 * `.size-limit.js` measures them.
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
    // A host's bundler minifies; unminified modules keep class names such as LsWorkspace for
    // stack traces and dev tools.
    minify: false,
    lib: {
      entry: {
        index: 'index.ts',
        'src/index': 'src/index.ts',
        'src/define': 'src/define.ts',
        'sdk/index': 'sdk/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: isDependency,
      // The output mirrors the source tree, so that `sideEffects` can name the define modules.
      output: { preserveModules: true, preserveModulesRoot: '.', entryFileNames: '[name].js' },
    },
  },
});
