export * from './listener-set.js';
export * from './workspace-store-state.js';
export * from './workspace-store.js';
export type { LiveStatus } from './live-connection.js';
