import { useMemo } from 'react';
import { describeRemoteModel, type RemoteModelView } from '../format/describeRemoteModel.js';
import { useAppStore } from '../store/appStore.js';

/** The remote engine behind `modelId`, or null for a local model. */
export function useRemoteModel(modelId: string | null): RemoteModelView | null {
  const engines = useAppStore((state) => state.remoteEngines);
  return useMemo(() => describeRemoteModel(modelId, engines), [modelId, engines]);
}
