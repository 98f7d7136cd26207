import OpenAI from 'openai';
import {
  AppError,
  type ChatTurn,
  type GenerateResult,
  type RemoteEngine,
  type RemotePreset,
  parseRemoteModelId,
  type Sampling,
} from '../../contract/index.js';
import type { RemoteEngineRecord, RemoteEngineStore } from '../storage/RemoteEngineStore.js';
import { guardedFetch } from './guardedFetch.js';

/** How long a remote engine may take to answer a request (the first byte of a stream). */
const REMOTE_TIMEOUT_MS = 60_000;

export interface RemoteTurn {
  systemPrompt: string;
  history: readonly ChatTurn[];
  sampling: Sampling;
}

/**
 * OpenAI-compatible servers as engines, through the official `openai` client: listing their
 * models, and answering a conversation's turn as a stream. Each engine's client may connect only
 * to the address the user gave (guardedFetch). Every failure becomes an AppError saying which
 * engine, and what went wrong in words (unreachable, key refused, model missing, timeout).
 */
export class RemoteEngines {
  readonly #store: RemoteEngineStore;
  readonly #timeoutMs: number;

  constructor(store: RemoteEngineStore, options: { timeoutMs?: number } = {}) {
    this.#store = store;
    this.#timeoutMs = options.timeoutMs ?? REMOTE_TIMEOUT_MS;
  }

  list(): RemoteEngine[] {
    return this.#store.list().map(publicView);
  }

  /** Adds an engine once it answered with its models (an address that does not answer is not kept). */
  async add(input: { name: string; baseUrl: string; preset: RemotePreset; apiKey: string | null }): Promise<{
    engine: RemoteEngine;
    models: string[];
  }> {
    const baseUrl = input.baseUrl.replace(/\/+$/, '');
    const probe: RemoteEngineRecord = { ...input, baseUrl, id: 'new', hasKey: input.apiKey !== null, createdAt: 0 };
    const models = await this.#listModels(probe);
    const engine = this.#store.add({ ...input, baseUrl });
    return { engine: publicView(engine), models };
  }

  remove(id: string): boolean {
    return this.#store.remove(id);
  }

  async models(id: string): Promise<string[]> {
    return this.#listModels(this.#engine(id));
  }

  /** The engine a remote model id names, for the UI (null: not a remote model, or one removed since). */
  engineFor(modelId: string): RemoteEngine | null {
    const parsed = parseRemoteModelId(modelId);
    const engine = parsed ? this.#store.get(parsed.engineId) : null;
    return engine ? publicView(engine) : null;
  }

  /**
   * Answers the last user turn on the remote model, streaming text to `onText`. The stream must end
   * with the server's finish reason: one that breaks off (the server stopped, the network went)
   * is an error, with the text so far kept by the caller.
   */
  async generate(
    modelId: string,
    turn: RemoteTurn,
    options: { signal: AbortSignal; onText: (text: string) => void },
  ): Promise<GenerateResult> {
    const parsed = parseRemoteModelId(modelId);
    if (!parsed) throw AppError.localized('invalid_input', 'errorNotRemoteModel', { model: modelId }, 'settings');
    const engine = this.#engine(parsed.engineId);
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      ...(turn.systemPrompt.trim() ? [{ role: 'system' as const, content: turn.systemPrompt }] : []),
      ...turn.history.map((entry) => ({ role: entry.role, content: entry.text })),
    ];
    const started = performance.now();
    let firstAt: number | null = null;
    let text = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null = null;
    try {
      const stream = await this.#client(engine).chat.completions.create(
        {
          model: parsed.model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          temperature: turn.sampling.temperature,
          top_p: turn.sampling.topP,
          max_tokens: turn.sampling.maxTokens,
          ...(turn.sampling.seed !== null && { seed: turn.sampling.seed }),
        },
        { signal: options.signal },
      );
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const delta = choice?.delta.content ?? '';
        if (delta) {
          firstAt ??= performance.now();
          text += delta;
          options.onText(delta);
        }
        finish = choice?.finish_reason ?? finish;
        usage = chunk.usage ?? usage;
      }
    } catch (error) {
      if (options.signal.aborted) return result(text, 'aborted', usage, started, firstAt);
      throw describeFailure(engine, error, parsed.model);
    }
    if (options.signal.aborted) return result(text, 'aborted', usage, started, firstAt);
    if (finish === null) {
      throw AppError.localized('disconnected', 'errorRemoteCutOff', { name: engine.name }, 'settings');
    }
    return result(text, finish === 'length' ? 'max_tokens' : 'end_of_turn', usage, started, firstAt);
  }

  async #listModels(engine: RemoteEngineRecord): Promise<string[]> {
    try {
      const page = await this.#client(engine).models.list();
      return page.data.map((model) => model.id).sort((a, b) => a.localeCompare(b));
    } catch (error) {
      throw describeFailure(engine, error, null);
    }
  }

  #engine(id: string): RemoteEngineRecord {
    const engine = this.#store.get(id);
    if (!engine) throw AppError.localized('not_found', 'errorRemoteRemoved', undefined, 'settings');
    return engine;
  }

  #client(engine: RemoteEngineRecord): OpenAI {
    return new OpenAI({
      baseURL: engine.baseUrl,
      // Servers without keys (llama-server, Ollama) ignore the header; the client needs a value.
      apiKey: engine.apiKey ?? 'no-key',
      maxRetries: 0,
      timeout: this.#timeoutMs,
      fetch: guardedFetch(engine.baseUrl),
      dangerouslyAllowBrowser: false,
    });
  }
}

function publicView(engine: RemoteEngineRecord): RemoteEngine {
  const { apiKey: _key, ...view } = engine;
  return view;
}

function result(
  text: string,
  stopReason: GenerateResult['stopReason'],
  usage: OpenAI.CompletionUsage | null,
  started: number,
  firstAt: number | null,
): GenerateResult {
  const seconds = firstAt === null ? 0 : (performance.now() - firstAt) / 1000;
  const completion = usage?.completion_tokens ?? 0;
  return {
    text,
    stopReason,
    promptTokens: usage?.prompt_tokens ?? 0,
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    completionTokens: completion,
    timeToFirstTokenMs: firstAt === null ? null : firstAt - started,
    tokensPerSecond: completion > 1 && seconds > 0 ? (completion - 1) / seconds : null,
    // The remote server read the whole conversation; Hearth has no saved state for it.
    context: { source: 'reread', tokens: usage?.prompt_tokens ?? 0, ms: 0, rejected: null },
  };
}

/** A failed call in words: which engine, and what happened. */
function describeFailure(engine: RemoteEngineRecord, error: unknown, model: string | null): AppError {
  const cause = error instanceof Error && error.cause instanceof AppError ? error.cause : null;
  if (error instanceof AppError) return error;
  if (cause) return cause;
  const where = `${engine.name} (${engine.baseUrl})`;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return AppError.localized('disconnected', 'errorRemoteTimeout', { where }, 'settings');
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return AppError.localized('disconnected', 'errorRemoteUnreachable', { where }, 'settings');
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return AppError.localized('forbidden', 'errorRemoteKeyRefused', { where, status: error.status }, 'settings');
  }
  if (error instanceof OpenAI.NotFoundError) {
    return model
      ? AppError.localized('not_found', 'errorRemoteNoModel', { where, model }, 'settings')
      : AppError.localized('not_found', 'errorRemoteNoApi', { where }, 'settings');
  }
  if (error instanceof OpenAI.APIError) {
    // The server's own words stay as it wrote them.
    return AppError.localized(
      'generation_failed',
      'errorRemoteApi',
      { where, status: typeof error.status === 'number' ? error.status : '—', detail: error.message },
      'settings',
    );
  }
  return AppError.localized(
    'generation_failed',
    'errorRemoteOther',
    { where, detail: (error as Error).message },
    'settings',
  );
}
