/**
 * The engine, except that llama.cpp "aborts" (a real SIGABRT of the engine process) the first time
 * it is asked to read a saved state: what a damaged state that passed every check would do.
 * Tests start it as the engine's entry; nothing in the app can. The state the engine writes and
 * reads back itself while loading a model (the resume rehearsal, `hearth-layout-*`) reads normally:
 * it is the engine's own, not one handed to it.
 */
import { basename } from 'node:path';
import { LlamaContextSequence } from 'node-llama-cpp';

const { prototype } = LlamaContextSequence;
const loadStateFromFile = Object.getOwnPropertyDescriptor(prototype, 'loadStateFromFile')?.value as
  typeof prototype.loadStateFromFile | undefined;
prototype.loadStateFromFile = function (this: LlamaContextSequence, ...args) {
  if (loadStateFromFile && basename(args[0]).startsWith('hearth-layout-')) return loadStateFromFile.apply(this, args);
  process.abort();
};
await import('../../main/engine/process/engineMain.js');
