import { createHash } from 'node:crypto';
import type { ChatTurn, EngineLoadedModel, OutputRules, TurnResult } from '../../contract/index.js';
import type { EngineSupervisor } from '../engine/EngineSupervisor.js';
import { historyHashes } from '../states/historyHashes.js';
import type { StateKeeper, StateRequest, TurnPlan } from '../states/StateKeeper.js';
import type { SettingsStore } from '../storage/SettingsStore.js';

/** Keys of the API's prefix states start with this (they share the states table with the prompt cache). */
export const API_PREFIX_FAMILY = 'api:';
/** Prefix states kept; the least recently used go first (the state budget applies too). */
export const API_PREFIX_STATES_KEPT = 32;
/** Stored prefixes tried per request, newest first. */
const CANDIDATES_TRIED = 4;

/** What one request's prefix states are: where it starts, and what it stores after its answer. */
export interface PrefixPlan {
  request: StateRequest;
  /** Stores the turn's state (when written) under the key of the history with its answer. */
  keep(result: TurnResult | null): Promise<void>;
  /** The plan is dropped (a failed or repeated build): its scratch files go. */
  discard(): Promise<void>;
  /** The engine died reading the state the plan handed it: never offer it again. */
  refuse(reason: string): void;
}

interface Deps {
  keeper: StateKeeper;
  settings: SettingsStore;
  engine: EngineSupervisor;
}

/**
 * Saved states behind a stateless API. OpenAI clients send the whole history with every request;
 * for recurrent models (RWKV, Mamba) Hearth stores the state after each answer, keyed by a hash of
 * everything the model read (model, engine build, context, chat format, then the history's hash
 * chain: see historyHashes), and the next request that resends that history with a new message
 * starts from it and reads only the new message. When the engine still holds that closed turn it
 * continues in memory. The stored states are checked like a conversation's (provenance, checksum,
 * the engine's layout check, prefix tokens), and any that fails is a re-read, never an error.
 * Not for attention models (their states grow with the history), nor requests with tools (the
 * rendering of calls is the template's, not plain turns).
 */
export class PrefixStates {
  readonly #deps: Deps;
  /** The request whose closed turn the engine's sequence holds, and that turn's history hash. */
  #live: { requestId: string; hash: string } | null = null;
  /** States being stored after their responses went out (awaited before the database closes). */
  readonly #storing = new Set<Promise<void>>();

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /**
   * Stores the plan's state (if the request had one) once the engine is done with the turn — after the response, off its
   * path. Failures are logged: the next request simply reads more.
   */
  settle(plan: () => PrefixPlan | null, turn: Promise<TurnResult>, log: (line: string) => void): void {
    // The plan is made once the engine has the model loaded: read it when the turn is done.
    const storing = turn
      .then(
        (result) => plan()?.keep(result),
        () => plan()?.discard(),
      )
      .catch((error: unknown) => log(`the API's prefix state was not stored: ${(error as Error).message}`))
      .finally(() => this.#storing.delete(storing));
    this.#storing.add(storing);
  }

  /** Resolves when no state is being stored (the app closes the database after this). */
  async idle(): Promise<void> {
    while (this.#storing.size > 0) await Promise.all(this.#storing);
  }

  async plan(input: {
    requestId: string;
    systemPrompt: string;
    history: readonly ChatTurn[];
    output: OutputRules;
    loaded: EngineLoadedModel;
  }): Promise<PrefixPlan | null> {
    const { keeper, settings, engine } = this.#deps;
    const { loaded, history, systemPrompt } = input;
    if (loaded.stateKind !== 'recurrent' || !settings.get().saveStates || input.output.tools) return null;
    if (history.some((turn) => turn.toolCalls)) return null;
    const head = systemPrompt.trim() ? 1 : 0;
    const hashes = historyHashes(systemPrompt, history);
    const answers = history.flatMap((turn, index) => (turn.role === 'assistant' ? [index] : [])).reverse();

    const live = engine.liveTurn;
    const liveIndex = live ? live.items - head - 1 : -1;
    const fromLive =
      live && this.#live?.requestId === live.key && hashes[liveIndex] === this.#live.hash
        ? ({ kind: 'live', key: live.key, items: live.items } as const)
        : null;
    const plan: TurnPlan = await keeper.planKeyed({
      requestId: input.requestId,
      candidates: answers
        .slice(0, CANDIDATES_TRIED)
        .map((index) => ({ key: prefixKey(loaded, hashes[index] ?? ''), items: head + index + 1 })),
      loaded,
      resume: fromLive,
      saveTurn: true,
    });
    return {
      request: plan.request,
      keep: async (result) => {
        if (!result || result.stopReason === 'aborted') {
          await keeper.discard(plan);
          return;
        }
        const closed = historyHashes(systemPrompt, [...history, { role: 'assistant', text: result.text }]).at(-1) ?? '';
        if (result.live) this.#live = { requestId: input.requestId, hash: closed };
        await keeper.keepKeyed(plan, result, {
          key: prefixKey(loaded, closed),
          family: API_PREFIX_FAMILY,
          keep: API_PREFIX_STATES_KEPT,
          loaded,
        });
      },
      discard: () => keeper.discard(plan),
      refuse: (reason) => keeper.refuseResumed(plan, reason),
    };
  }
}

/** The key of the state after `historyHash` for this model, build, context and chat format. */
export function prefixKey(loaded: EngineLoadedModel, historyHash: string): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([loaded.fingerprint, loaded.engineBuild, loaded.contextSize, loaded.chatWrapper, historyHash]),
    )
    .digest('hex');
  return `${API_PREFIX_FAMILY}${digest}`;
}
