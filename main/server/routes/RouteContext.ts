import type { ServerResponse } from 'node:http';
import type { ModelFile } from '../../../contract/index.js';
import type { LoadParams, EngineSupervisor } from '../../engine/EngineSupervisor.js';
import type { ModelLibrary } from '../../models/ModelLibrary.js';
import type { SettingsStore } from '../../storage/SettingsStore.js';
import type { PrefixStates } from '../PrefixStates.js';

/** What the API's routes work with: the same engine supervisor, library and settings as the UI. */
export interface ApiServices {
  engine: EngineSupervisor;
  /** Model ids ↔ files. */
  library: ModelLibrary;
  /** The library's models with the verdict of their check (what the UI lists). */
  listModels(): Promise<ModelFile[]>;
  settings: SettingsStore;
  /** The engine parameters for a model (the hardware plan; the model file is vetted first). */
  loadParams(modelPath: string): Promise<LoadParams>;
  /** Saved states for API conversations (recurrent models). */
  prefixStates: PrefixStates;
}

/** What one request's route gets. */
export interface RouteContext {
  services: ApiServices;
  /** The parsed JSON body (POST), unchecked: each route checks it against its schema. */
  body: unknown;
  /** Path parameters (the model id of /v1/models/{id}). */
  params: Record<string, string>;
  /** Aborts when the client goes away before the answer is complete. */
  signal: AbortSignal;
  response: ServerResponse;
  /** Headers every response carries (CORS for an allowed origin). */
  headers: Record<string, string>;
  /** Main's log (what went wrong beyond the client's reach). */
  log(line: string): void;
  /** Records what was served, for Settings' activity list. */
  note(served: { model?: string; promptTokens?: number; cachedTokens?: number; completionTokens?: number }): void;
}

export type Route = (context: RouteContext) => Promise<void>;

export function sendJson(context: RouteContext, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  context.response.writeHead(status, {
    ...context.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  context.response.end(text);
}
