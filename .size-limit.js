// Bundle budgets, checked by `size-limit` with no build needed: each entry is bundled from the
// sources with every dependency, minified by esbuild and gzipped at level 9, as a host's
// bundler would ship it. The esbuild plugin minifies the CSS and HTML of the Lit templates as
// the library build does (vite.lib.config.ts). The config is plain JavaScript because
// size-limit loads TypeScript configs only through jiti, which is not installed, so tsx's
// `tsImport` loads the TypeScript plugin.
import { tsImport } from 'tsx/esm/api';

/** @type {typeof import('./scripts/lit-templates/plugins.ts')} */
const { litTemplateMinifierForEsbuild } = await tsImport(
  './scripts/lit-templates/plugins.ts',
  import.meta.url,
);

/**
 * Leaves the translations out: an English page never loads them, since `src/i18n` imports a
 * catalog such as `src/locales/de.ts` only when its locale is chosen. esbuild would otherwise
 * inline the dynamic import into the single file it measures.
 */
const catalogsLeftOut = {
  name: 'ls-catalogs-left-out',
  setup(build) {
    build.onResolve({ filter: /\/locales\/[a-z-]+\.js$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/** Adds the template minifier to the esbuild options that size-limit passes. */
const withTemplateMinifier = (config) => ({
  ...config,
  plugins: [...(config.plugins ?? []), litTemplateMinifierForEsbuild(), catalogsLeftOut],
});

/**
 * The budgets the kit aims at, in the order of the checks below. Where a bundle is still over
 * its budget, the check's `limit` is today's size, so `npm test` stops it from growing, and
 * `npm run bench` reports the gap to the budget.
 */
export const budgets = ['40 kB', '14 kB', '30 kB'];

export default [
  {
    name: 'Whole kit: every element with the SDK, Lit, @lit/context, floating-ui, ky and zod',
    path: 'src/define.ts',
    limit: '73.5 kB',
    gzip: true,
    modifyEsbuildConfig: withTemplateMinifier,
  },
  {
    // What a script imports. The store, which only the elements use, is tree-shaken.
    name: 'SDK as a script imports it: createWorkspaceClient and error guards, with ky and zod',
    path: 'sdk/index.ts',
    import: { 'sdk/index.ts': '{ createWorkspaceClient, isLsAdminError, isHttpError }' },
    limit: '17 kB',
    gzip: true,
  },
  {
    name: '<ls-invite-form> alone, registered, with what it needs',
    path: 'src/invite-form/define.ts',
    limit: '30 kB',
    gzip: true,
    modifyEsbuildConfig: withTemplateMinifier,
  },
];
