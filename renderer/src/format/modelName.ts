import { parseRemoteModelId, type ModelFile } from '../../../contract/index.js';

/**
 * What people call a model: its file name without `.gguf` (the name the user downloaded or
 * chose), never the internal id (`linked:9f7425afb5/…`, a path inside the models folder). A
 * remote model is its name on that server. An id no longer in the list still reads as a name: the
 * last part of its path.
 */
export function modelName(modelId: string, models: readonly Pick<ModelFile, 'id' | 'fileName'>[]): string {
  const remote = parseRemoteModelId(modelId);
  if (remote) return remote.model;
  const file = models.find((model) => model.id === modelId)?.fileName ?? modelId.split(/[\\/]/).at(-1) ?? modelId;
  return file.replace(/\.gguf$/i, '');
}
