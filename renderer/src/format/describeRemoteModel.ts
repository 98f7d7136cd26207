import { parseRemoteModelId, type RemoteEngine } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** Which machine answers for a model id, in words the UI shows. */
export interface RemoteModelView {
  engineId: string;
  /** The model's name on that server. */
  model: string;
  /** The engine's name; "a removed remote engine" once it is gone (its conversations stay). */
  engineName: string;
  /** host:port of the engine, null once it is gone. */
  host: string | null;
}

/** Null for a local model: a GGUF file in the models folder. */
export function describeRemoteModel(modelId: string | null, engines: readonly RemoteEngine[]): RemoteModelView | null {
  const parsed = modelId === null ? null : parseRemoteModelId(modelId);
  if (!parsed) return null;
  const engine = engines.find((known) => known.id === parsed.engineId);
  return {
    engineId: parsed.engineId,
    model: parsed.model,
    engineName: engine?.name ?? t('removedRemoteEngine', { ns: 'library' }),
    host: engine ? hostOf(engine.baseUrl) : null,
  };
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
