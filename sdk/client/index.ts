export * from './create-workspace-client.js';
export type * from './workspace-client.js';
export * from './workspace-event-reader.js';
