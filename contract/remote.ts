import { z } from 'zod';

/**
 * Remote engines: OpenAI-compatible servers elsewhere (a workstation, a GPU server) whose models a
 * conversation can use like a local one. Conversations and documents stay in Hearth's database;
 * only the messages of a conversation on a remote model are sent to it.
 */

/** Servers Hearth knows the default address of (each from its own documentation). */
export const RemotePresetSchema = z.enum(['llama-server', 'ollama', 'vllm', 'lmstudio', 'lemonade', 'custom']);
export type RemotePreset = z.infer<typeof RemotePresetSchema>;

export const REMOTE_PRESETS: Record<RemotePreset, { label: string; baseUrl: string; note: string }> = {
  'llama-server': {
    label: 'llama.cpp llama-server',
    baseUrl: 'http://127.0.0.1:8080/v1',
    note: 'llama-server --port 8080',
  },
  ollama: { label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', note: 'Ollama serves its OpenAI API under /v1' },
  vllm: { label: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1', note: 'vllm serve listens on port 8000' },
  lmstudio: {
    label: 'LM Studio',
    baseUrl: 'http://127.0.0.1:1234/v1',
    note: 'LM Studio’s server listens on port 1234',
  },
  lemonade: {
    label: 'AMD Lemonade',
    baseUrl: 'http://127.0.0.1:13305/api/v1',
    note: 'Lemonade 10 and later listen on 13305 (earlier versions on 8000), under /api/v1',
  },
  custom: {
    label: 'Other OpenAI-compatible server',
    baseUrl: 'http://127.0.0.1:8080/v1',
    note: 'Any server speaking OpenAI’s API',
  },
};

/** http(s)://host[:port][/path], without credentials, query or fragment. */
export const RemoteBaseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        !url.username &&
        !url.password &&
        !url.search &&
        !url.hash
      );
    } catch {
      return false;
    }
  }, 'the address is http(s)://host[:port]/path, e.g. http://192.168.1.20:8080/v1');

export const RemoteEngineSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  preset: RemotePresetSchema,
  /** A key is stored (it is never sent back to the renderer). */
  hasKey: z.boolean(),
  createdAt: z.number(),
});
export type RemoteEngine = z.infer<typeof RemoteEngineSchema>;

/** A remote model, as conversations name it: `remote:<engine id>:<the server's model id>`. */
export const REMOTE_MODEL_PREFIX = 'remote:';

export function remoteModelId(engineId: string, model: string): string {
  return `${REMOTE_MODEL_PREFIX}${engineId}:${model}`;
}

export function parseRemoteModelId(modelId: string): { engineId: string; model: string } | null {
  if (!modelId.startsWith(REMOTE_MODEL_PREFIX)) return null;
  const rest = modelId.slice(REMOTE_MODEL_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return null;
  return { engineId: rest.slice(0, colon), model: rest.slice(colon + 1) };
}
