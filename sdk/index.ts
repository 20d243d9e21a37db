export * from './client/index.js';
export * from './domain/index.js';
export * from './errors/index.js';
export * from './schemas/index.js';
export * from './store/index.js';
