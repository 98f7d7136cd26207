import type { EngineStatus, ModelFile } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface LoadProgress {
  modelId: string;
  /** 0..1 */
  progress: number;
}

export interface ModelsSlice {
  modelsDir: string | null;
  models: ModelFile[];
  modelsLoaded: boolean;
  engine: EngineStatus | null;
  /** Set while a model loads; cleared once the engine reports any other state. */
  loadProgress: LoadProgress | null;

  setModels: (dir: string, models: ModelFile[]) => void;
  setEngine: (engine: EngineStatus) => void;
  setLoadProgress: (progress: LoadProgress) => void;
}

export const createModelsSlice: SliceCreator<ModelsSlice> = (set) => ({
  modelsDir: null,
  models: [],
  modelsLoaded: false,
  engine: null,
  loadProgress: null,

  setModels: (dir, models) =>
    set({
      modelsDir: dir,
      models: [...models].sort((a, b) => a.fileName.localeCompare(b.fileName)),
      modelsLoaded: true,
    }),

  setEngine: (engine) =>
    set((state) => ({
      engine,
      loadProgress: engine.state === 'loading' ? state.loadProgress : null,
    })),

  setLoadProgress: (loadProgress) => set({ loadProgress }),
});
