import { modelName } from '../format/modelName.js';
import { useAppStore } from '../store/appStore.js';

/** The name to show for a model id (see modelName); null for none. */
export function useModelName(modelId: string | null): string | null {
  const models = useAppStore((state) => state.models);
  return modelId === null ? null : modelName(modelId, models);
}
