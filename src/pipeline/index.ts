export * from './schema.js'
export * from './load.js'
export * from './registry.js'
export * from './cleaner.js'
