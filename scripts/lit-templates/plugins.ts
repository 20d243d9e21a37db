import { readFile } from 'node:fs/promises';

import type { Plugin } from 'vite';

import { minifyLitTemplates } from './minify-templates.js';

const SCRIPT_MODULE = /\.[cm]?[jt]s$/;
const DEPENDENCY = /[\\/]node_modules[\\/]/;

/**
 * Minifies the CSS and HTML of Lit templates in the library build (`vite.lib.config.ts`).
 * It runs before TypeScript is compiled, and the result keeps every line in place, so the
 * build's source maps stay correct line by line.
 */
export function litTemplateMinifier(): Plugin {
  return {
    name: 'ls-admin:minify-lit-templates',
    enforce: 'pre',
    transform: {
      filter: { id: { include: SCRIPT_MODULE, exclude: DEPENDENCY } },
      handler(code, id) {
        const minified = minifyLitTemplates(code, id);
        return minified === null ? null : { code: minified, map: null };
      },
    },
  };
}

/**
 * The part of esbuild's plugin interface that `litTemplateMinifierForEsbuild` uses. It is
 * written out here because size-limit runs its own copy of esbuild, whose version can differ
 * from the one other tools install.
 */
export interface EsbuildPlugin {
  name: string;
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: {
        path: string;
      }) => Promise<{ contents: string; loader: 'ts' | 'js' } | undefined>,
    ): void;
  }): void;
}

/** Minifies the CSS and HTML of Lit templates when esbuild bundles, as size-limit does. */
export function litTemplateMinifierForEsbuild(): EsbuildPlugin {
  return {
    name: 'ls-admin:minify-lit-templates',
    setup(build) {
      // esbuild's filters are Go regular expressions, which have no lookahead, so the
      // dependencies are skipped in the callback; they load as usual.
      build.onLoad({ filter: SCRIPT_MODULE }, async ({ path }) => {
        if (DEPENDENCY.test(path)) return undefined;
        const code = await readFile(path, 'utf8');
        return {
          contents: minifyLitTemplates(code, path) ?? code,
          loader: /\.[cm]?ts$/.test(path) ? 'ts' : 'js',
        };
      });
    },
  };
}
