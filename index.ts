/**
 * The `ls-admin` entry: the SDK and the element classes, with no element registered. Import
 * `ls-admin/define` to register every tag.
 */
export * from './sdk/index.js';
export * from './src/index.js';
