import { defineConfig } from 'vite';

import libraryConfig from './vite.lib.config.js';

/**
 * The single-file build (`npm run build:package`): `dist/ls-admin.bundle.js` registers every
 * element and exports the SDK and the element classes, with Lit, @lit/context, floating-ui, ky
 * and zod bundled in, for a `<script type="module">` on a page without a bundler. It is
 * minified and uses Lit's production build.
 */
export default defineConfig({
  publicDir: false,
  plugins: libraryConfig.plugins,
  build: {
    outDir: 'dist',
    // The library build runs first and writes into the same folder.
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: 'bundle.ts',
      formats: ['es'],
      fileName: () => 'ls-admin.bundle.js',
    },
    // Vite leaves the whitespace of an `es` library build for the host's bundler to remove,
    // and no bundler processes this file after the build.
    // The German catalog is a dynamic import, which would become a chunk file of its own; the
    // single-file build keeps it inside.
    rollupOptions: { output: { minify: true, codeSplitting: false } },
  },
});
