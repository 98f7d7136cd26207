import { AppError } from '../../contract/index.js';
import type { Embedder } from '../documents/DocumentService.js';
import type { Reranker } from '../documents/rerankHits.js';
import type { EngineSupervisor } from '../engine/EngineSupervisor.js';
import type { HardwareService } from '../hardware/HardwareService.js';
import type { ModelLibrary } from '../models/ModelLibrary.js';
import type { ModelVetter } from '../models/ModelVetter.js';
import type { SettingsStore } from '../storage/SettingsStore.js';

interface SideModelDeps {
  settings: SettingsStore;
  library: ModelLibrary;
  vetter: ModelVetter;
  engine: EngineSupervisor;
  hardware: HardwareService;
}

/**
 * The embedding and reranking models from Settings, run by the engine beside the chat model. Each
 * is read at every use, its path resolved then, so a model deleted since simply turns its part of
 * search off; each gets the threads the hardware plan gives a model, as a chat model would.
 */
export function sideModels({ settings, library, vetter, engine, hardware }: SideModelDeps): {
  embedder: () => Embedder | null;
  reranker: () => Reranker | null;
} {
  const threads = async (modelPath: string) => (await hardware.loadParams(modelPath)).threads;
  return {
    embedder: () => {
      const modelId = settings.get().embeddingModelId;
      if (!modelId) return null;
      return {
        key: modelId,
        embed: async (texts) => {
          const modelPath = await library.resolve(modelId);
          await vetter.require(modelPath);
          const { vectors } = await engine.embed(modelPath, texts, await threads(modelPath));
          return vectors.map((vector) => Float32Array.from(vector));
        },
      };
    },
    reranker: () => {
      const modelId = settings.get().rerankerModelId;
      if (!modelId) return null;
      return {
        key: modelId,
        rank: async (query, passages) => {
          const modelPath = await library.resolve(modelId);
          const { facts } = await vetter.require(modelPath);
          // Refused here, not by loading it in the engine at every search.
          if (facts.ranking === false) {
            throw AppError.localized('model_invalid', 'notAReranker');
          }
          return (await engine.rank(modelPath, query, passages, await threads(modelPath))).scores;
        },
      };
    },
  };
}
