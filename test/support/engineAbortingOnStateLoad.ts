/**
 * The engine, except that llama.cpp "aborts" (a real SIGABRT of the engine process) the first time
 * it is asked to read a saved state: what a damaged state that passed every check would do.
 * Tests start it as the engine's entry; nothing in the app can.
 */
import { LlamaContextSequence } from 'node-llama-cpp';

LlamaContextSequence.prototype.loadStateFromFile = () => {
  process.abort();
};
await import('../../main/engine/process/engineMain.js');
