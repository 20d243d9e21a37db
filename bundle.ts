/**
 * The single-file build (`dist/ls-admin.bundle.js`, written by `vite.bundle.config.ts`) for a
 * page without a bundler: it registers every element and exports what `ls-admin` exports.
 */
import './src/define.js';

export * from './index.js';
