export * from './http-error.js';
export * from './invalid-json-error.js';
export * from './ls-admin-error.js';
export * from './network-error.js';
export * from './response-validation-error.js';
export * from './timeout-error.js';
export * from './unauthorized-error.js';
