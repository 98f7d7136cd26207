import type { RemoteEngine } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

/** What a remote engine said when asked for its models. */
export type RemoteModels =
  { status: 'asking' } | { status: 'listed'; models: string[] } | { status: 'failed'; message: string };

export interface RemoteSlice {
  remoteEngines: RemoteEngine[];
  /** By engine id; an engine not asked yet has no entry. */
  remoteModels: Record<string, RemoteModels>;

  setRemoteEngines: (engines: RemoteEngine[]) => void;
  addRemoteEngine: (engine: RemoteEngine, models: string[]) => void;
  removeRemoteEngine: (engineId: string) => void;
  setRemoteModels: (engineId: string, models: RemoteModels) => void;
}

export const createRemoteSlice: SliceCreator<RemoteSlice> = (set) => ({
  remoteEngines: [],
  remoteModels: {},

  setRemoteEngines: (remoteEngines) =>
    set((state) => ({
      remoteEngines,
      // Answers about engines removed elsewhere are dropped with them.
      remoteModels: Object.fromEntries(
        remoteEngines.flatMap((engine) => {
          const known = state.remoteModels[engine.id];
          return known ? [[engine.id, known]] : [];
        }),
      ),
    })),

  addRemoteEngine: (engine, models) =>
    set((state) => ({
      remoteEngines: [...state.remoteEngines.filter((known) => known.id !== engine.id), engine],
      remoteModels: { ...state.remoteModels, [engine.id]: { status: 'listed', models } },
    })),

  removeRemoteEngine: (engineId) =>
    set((state) => {
      const { [engineId]: _removed, ...remoteModels } = state.remoteModels;
      return { remoteEngines: state.remoteEngines.filter((engine) => engine.id !== engineId), remoteModels };
    }),

  setRemoteModels: (engineId, models) =>
    set((state) =>
      state.remoteEngines.some((engine) => engine.id === engineId)
        ? { remoteModels: { ...state.remoteModels, [engineId]: models } }
        : {},
    ),
});
