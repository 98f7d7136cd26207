/**
 * The contract: every message between renderer, main and engine, declared once as zod schemas.
 * Everything else imports its types from here.
 */
export * from './errors.js';
export * from './rpc.js';
export * from './domain.js';
export * from './api.js';
export * from './engine.js';
export * from './bridge.js';
export * from './hardware.js';
export * from './library.js';
export * from './documents.js';
export * from './evidence.js';
export * from './folders.js';
export * from './stateWriter.js';
export * from './stateVerifier.js';
export * from './searchThread.js';
export * from './server.js';
export * from './openai.js';
export * from './remote.js';
export * from './exchange.js';
