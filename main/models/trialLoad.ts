import { AppError } from '../../contract/index.js';
import { EngineSupervisor, type EngineSupervisorOptions } from '../engine/EngineSupervisor.js';

/**
 * Loads a model once in a throwaway engine process, on the CPU with a tiny context, and ends
 * that process. The GGUF reader sees the header only; llama.cpp checks shapes and the keys each
 * architecture needs — and some files make it abort the whole process. Doing that here, at
 * import, means such a file is refused with llama.cpp's reason instead of failing mid-chat, and
 * the engine that serves the user's chats (and its loaded model) is never touched. Weights are
 * memory-mapped, so even a large file loads quickly and without taking its size in RAM.
 */
export async function trialLoad(modelPath: string, engine: EngineSupervisorOptions): Promise<void> {
  const supervisor = new EngineSupervisor(engine);
  try {
    await supervisor.ensureModel({ modelPath, contextSize: 256, threads: 1, gpu: false, gpuLayers: 0, batchSize: 32 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('model_invalid', `llama.cpp cannot load this file: ${message}`);
  } finally {
    await supervisor.shutdown();
  }
}
