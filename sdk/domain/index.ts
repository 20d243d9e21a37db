export * from './active-license-count.js';
export * from './last-credential-use.js';
export * from './migration-step.js';
export * from './role-actions.js';
