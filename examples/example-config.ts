import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { mergeConfig, type UserConfig } from 'vite';

import demoConfig from '../vite.config.js';

/**
 * Returns the Vite config of the example in the folder of `exampleUrl`. It extends the demo
 * page's config, whose dev server proxies `/v1` to the reference server and serves the demo
 * credentials, and resolves `ls-admin` through the `paths` of the repository's tsconfig.json,
 * which point at the TypeScript sources. A project that installed the package needs neither.
 */
export function exampleConfig(exampleUrl: string, config: UserConfig = {}): UserConfig {
  const exampleFolder = fileURLToPath(new URL('.', exampleUrl));
  const name = path.basename(exampleFolder);
  return mergeConfig(
    mergeConfig(demoConfig, {
      root: exampleFolder,
      // A cache of its own, so that the dependencies that the example's dev server pre-bundles
      // do not replace the demo page's in node_modules/.vite.
      cacheDir: fileURLToPath(new URL(`../node_modules/.vite-examples/${name}`, import.meta.url)),
      resolve: { tsconfigPaths: true },
      build: { outDir: 'dist', emptyOutDir: true },
    }),
    config,
  );
}
