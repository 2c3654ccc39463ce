export * from './types.js';
export * from './catalog.js';
export * from './languages.js';
export * from './rules.js';
export * from './time.js';
