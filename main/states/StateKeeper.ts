import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ChatTurn,
  DISK_FULL_MESSAGE,
  DISK_FULL_REASON,
  isDiskFull,
  type CallInput,
  type EngineCalls,
  type EngineLoadedModel,
  type StateOwner,
  type TurnResult,
  type WrittenState,
} from '../../contract/index.js';
import { localized } from '../../contract/i18n/index.js';
import type { AppEvents } from '../app/AppEvents.js';
import type { LiveTurn } from '../engine/EngineSupervisor.js';
import type { SettingsStore } from '../storage/SettingsStore.js';
import type { StateRecord, StateStore } from '../storage/StateStore.js';
import { historyHashes } from './historyHashes.js';
import type { HotStates } from './HotStates.js';
import { decodeState } from './stateCodec.js';
import type { StateWriter } from './writer/StateWriter.js';

type GenerateParams = CallInput<EngineCalls, 'generate'>;
export type StateRequest = Pick<GenerateParams, 'resume' | 'savePromptState' | 'saveTurnState'>;

/** Older states on the branch tried when the newest cannot be used. */
const CANDIDATES_TRIED = 4;

export interface TurnPlan {
  request: StateRequest;
  /** Why saved states were passed over, for the answer's record. */
  rejected: string | null;
  promptKey: string | null;
  /** The stored state the turn resumes from, if any. */
  resumeStateId: number | null;
  files: string[];
}

/** A turn as the model reads it, with the message it comes from. */
export interface IdentifiedTurn extends ChatTurn {
  id: string;
}

export interface PlanInput {
  requestId: string;
  /** The turns before the new answer as the model reads them, root first (ending with the question). */
  turns: readonly IdentifiedTurn[];
  systemPrompt: string;
  loaded: EngineLoadedModel;
  /** The closed turn the engine's sequence holds, if any (EngineSupervisor.liveTurn). */
  live: LiveTurn | null;
}

export interface KeepInput {
  conversationId: string;
  answerId: string;
  /** The branch up to and including the answer, root first. */
  branchIds: readonly string[];
  /** The turns the saved state covers, the answer included, as the model read them. */
  turns: readonly ChatTurn[];
  systemPrompt: string;
  loaded: EngineLoadedModel;
}

/**
 * Decides, per turn, which saved state the engine starts from and which states it saves, and
 * never lets an untrusted blob reach llama.cpp: a state is used only when it was saved for the
 * same model (fingerprint), by the same engine build, with the same context size, and its bytes
 * still match their checksum. Anything else is refused with a log line and a notice, and the
 * engine re-reads the history instead.
 */
export class StateKeeper {
  readonly #store: StateStore;
  readonly #writer: StateWriter;
  readonly #hot: HotStates;
  readonly #settings: SettingsStore;
  readonly #events: AppEvents;
  readonly #scratchDir: string;
  readonly #log: (line: string) => void;

  constructor(deps: {
    store: StateStore;
    /** Stores and prunes states off main's event loop. */
    writer: StateWriter;
    /** Hot copies of the newest states, lent to the engine without a read. */
    hot: HotStates;
    settings: SettingsStore;
    events: AppEvents;
    scratchDir: string;
    log: (line: string) => void;
  }) {
    this.#store = deps.store;
    this.#writer = deps.writer;
    this.#hot = deps.hot;
    this.#settings = deps.settings;
    this.#events = deps.events;
    this.#scratchDir = deps.scratchDir;
    this.#log = deps.log;
    // Files left by a previous run are never trusted or reused.
    mkdirSync(this.#scratchDir, { recursive: true });
    for (const name of readdirSync(this.#scratchDir)) rmSync(join(this.#scratchDir, name), { force: true });
    // Hot copies of states deleted while Hearth was not running (or by a crash mid-way) go.
    void this.sweepHot();
    // A conversation, a branch or states deleted: their hot copies go with them.
    this.#events.subscribe((event) => {
      if (event === 'states.changed' || event === 'conversations.changed') void this.sweepHot();
    });
  }

  /** Drops hot copies of states no longer stored. Never throws (it runs from event listeners). */
  async sweepHot(): Promise<void> {
    try {
      await this.#hot.sweep(this.#store.existing(this.#hot.ids()));
    } catch {
      // A database already closed (the app quitting): the next start sweeps instead.
    }
  }

  async plan(input: PlanInput): Promise<TurnPlan> {
    const settings = this.#settings.get();
    const head = input.systemPrompt.trim() ? 1 : 0;
    const position = new Map(input.turns.map((turn, index) => [turn.id, index]));
    // The engine still holds the newest answer's closed turn: continue in memory, read nothing.
    let resume: StateRequest['resume'] = liveStart(input, head, position);
    if (!settings.saveStates) {
      return {
        request: { resume, savePromptState: null, saveTurnState: null },
        rejected: null,
        promptKey: null,
        resumeStateId: null,
        files: [],
      };
    }

    const rejections: string[] = [];
    const files: string[] = [];
    const scratch = (suffix: string) => {
      const path = join(this.#scratchDir, `${input.requestId}.${suffix}`);
      files.push(path);
      return path;
    };

    let resumeStateId: number | null = null;
    const answerIds = input.turns.filter((turn) => turn.role === 'assistant').map((turn) => turn.id);
    const candidates = resume ? [] : this.#store.turnStatesFor(answerIds.reverse()).slice(0, CANDIDATES_TRIED);
    // Hashed only when a stored state is a candidate (a live start needs none).
    const hashes = candidates.length > 0 ? historyHashes(input.systemPrompt, input.turns) : [];
    for (const candidate of candidates) {
      const index = position.get(candidate.messageId ?? '') ?? -1;
      if (!this.#provenanceOk(candidate, input.loaded, rejections, hashes[index] ?? '')) continue;
      const handed = await this.#handOver(candidate, scratch('resume'), rejections);
      if (handed === 'unusable') continue;
      if (handed === 'failed') break;
      resume = { kind: 'state', items: head + index + 1, ...handed };
      resumeStateId = candidate.id;
      break;
    }

    let promptKey: string | null = null;
    let savePromptState: StateRequest['savePromptState'] = null;
    if (!resume && input.systemPrompt.trim()) {
      promptKey = promptStateKey(input.loaded, input.systemPrompt);
      const cached = this.#store.promptState(promptKey);
      const handed =
        cached && this.#provenanceOk(cached, input.loaded, rejections)
          ? await this.#handOver(cached, scratch('prompt-resume'), rejections)
          : 'unusable';
      if (cached && typeof handed === 'object') {
        resume = { kind: 'prompt-cache', items: 1, ...handed };
        resumeStateId = cached.id;
      } else if (handed === 'unusable') {
        savePromptState = { path: scratch('prompt') };
      }
    }

    const maxBytes =
      input.loaded.stateKind === 'recurrent'
        ? settings.stateBudgetBytes
        : Math.min(settings.attentionStateCapBytes, settings.stateBudgetBytes);
    const rejected = summarize(rejections);
    if (rejected) {
      this.#events.emit('notice', {
        level: 'warning',
        ...localized('notices', 'aSavedStateNotUsed', { reason: rejected }),
        at: Date.now(),
      });
    }
    return {
      request: { resume, savePromptState, saveTurnState: { path: scratch('turn'), maxBytes } },
      rejected,
      promptKey,
      resumeStateId,
      files,
    };
  }

  /**
   * A turn that starts from a state stored under a key rather than a conversation's message (the
   * API's prefix states: see main/server/PrefixStates). `candidates`, newest first, are the keys
   * to try and the history items each would cover; the first whose provenance and bytes hold is
   * handed to the engine, exactly as a conversation's state is. `saveTurn`: write the state after
   * this turn too (the caller stores it with keepKeyed). Refusals are logged, not shown: the
   * request simply reads the history.
   */
  async planKeyed(input: {
    requestId: string;
    candidates: readonly { key: string; items: number }[];
    loaded: EngineLoadedModel;
    resume: StateRequest['resume'];
    saveTurn: boolean;
  }): Promise<TurnPlan> {
    const settings = this.#settings.get();
    const files: string[] = [];
    const scratch = (suffix: string) => {
      const path = join(this.#scratchDir, `${input.requestId}.${suffix}`);
      files.push(path);
      return path;
    };
    const rejections: string[] = [];
    let resume = input.resume;
    let resumeStateId: number | null = null;
    for (const candidate of resume ? [] : input.candidates) {
      const record = this.#store.promptState(candidate.key);
      if (!record || !this.#provenanceOk(record, input.loaded, rejections)) continue;
      const handed = await this.#handOver(record, scratch('resume'), rejections);
      if (handed === 'unusable') continue;
      if (handed === 'failed') break;
      resume = { kind: 'state', items: candidate.items, ...handed };
      resumeStateId = record.id;
      break;
    }
    return {
      request: {
        resume,
        savePromptState: null,
        saveTurnState: input.saveTurn ? { path: scratch('turn'), maxBytes: settings.stateBudgetBytes } : null,
      },
      rejected: summarize(rejections),
      promptKey: null,
      resumeStateId,
      files,
    };
  }

  /**
   * Stores a keyed plan's turn state under `key`, keeps at most `keep` states whose keys start
   * with `family` (the least recently used go), and the total within the budget.
   */
  async keepKeyed(
    plan: TurnPlan,
    result: TurnResult | null,
    stored: { key: string; family: string; keep: number; loaded: EngineLoadedModel },
  ): Promise<void> {
    try {
      if (!result) return;
      if (plan.resumeStateId !== null && result.context.rejected) await this.#hot.forget(plan.resumeStateId);
      if (!result.turnState) return;
      await this.#put(result.turnState, stored.loaded, {
        kind: 'prompt',
        conversationId: null,
        messageId: null,
        promptKey: stored.key,
        historyHash: null,
      });
      for (const id of this.#store.keyedBeyond(stored.family, stored.keep)) {
        this.#store.delete(id);
        await this.#hot.forget(id);
      }
      const removed = await this.#writer.maintain(
        [],
        this.#settings.get().checkpointsPerBranch,
        this.#settings.get().stateBudgetBytes,
      );
      if (removed > 0) await this.sweepHot();
      this.#events.emit('states.changed', {});
    } finally {
      await this.discard(plan);
    }
  }

  /**
   * Puts a saved state where the engine reads it: its hot copy lent as it is (the engine checks it
   * against `sha256`), else its bytes read from SQLite, checked here and written out. A write that
   * fails (a full disk) is not the turn's failure: the state is not used, and the conversation is
   * read again instead ('failed'). 'unusable': the stored bytes are damaged or gone.
   */
  async #handOver(
    record: StateRecord,
    path: string,
    rejections: string[],
  ): Promise<{ path: string; sha256: string | null } | 'unusable' | 'failed'> {
    let handed: { path: string; sha256: string | null };
    if (await this.#hot.lend(record, path)) {
      handed = { path, sha256: record.sha256 };
    } else {
      const raw = this.#bytes(record, rejections);
      if (!raw) return 'unusable';
      try {
        await writeFile(path, raw);
      } catch (error) {
        await unlink(path).catch(() => undefined);
        rejections.push(
          isDiskFull(error) ? 'the disk is full' : `it could not be written (${(error as Error).message})`,
        );
        return 'failed';
      }
      handed = { path, sha256: null };
    }
    try {
      this.#store.touch(record.id);
    } catch {
      // Only the least-recently-used order is lost; the turn goes on.
    }
    return handed;
  }

  /**
   * The engine died while reading the plan's state: whatever its checksum says, it is never
   * offered again (the turn is answered by re-reading the history).
   */
  refuseResumed(plan: TurnPlan, reason: string): void {
    if (plan.resumeStateId === null) return;
    this.#log(`state ${plan.resumeStateId} refused: ${reason}`);
    this.#store.delete(plan.resumeStateId);
    void this.#hot.forget(plan.resumeStateId);
    this.#events.emit('states.changed', {});
  }

  /** Removes a plan's scratch files when the plan is dropped without a turn to keep. */
  async discard(plan: TurnPlan): Promise<void> {
    await Promise.all(plan.files.map((file) => unlink(file).catch(() => undefined)));
  }

  /**
   * Stores what the engine saved (through the writer thread: main's event loop stays free for the
   * next turn), keeps its file as the hot copy, and keeps the branch and the total within their
   * budgets.
   */
  async keep(plan: TurnPlan, result: TurnResult | null, input: KeepInput): Promise<void> {
    try {
      if (!result) return;
      const settings = this.#settings.get();
      // The engine refused the state: its hot copy is not lent again (a lent copy that failed its
      // checksum leaves the next resume to SQLite's).
      if (plan.resumeStateId !== null && result.context.rejected) {
        await this.#hot.forget(plan.resumeStateId);
      }
      if (result.turnStateSkipped) {
        this.#log(`state after answer ${input.answerId} not saved: ${result.turnStateSkipped}`);
        // The engine could not write it for lack of space: the one disk-full message, not a failure.
        if (result.turnStateSkipped.startsWith(DISK_FULL_REASON)) {
          this.#events.emit('notice', { level: 'warning', message: DISK_FULL_MESSAGE, at: Date.now() });
        }
      }
      if (result.promptState && plan.promptKey) {
        await this.#put(result.promptState, input.loaded, {
          kind: 'prompt',
          conversationId: null,
          messageId: null,
          promptKey: plan.promptKey,
          historyHash: null,
        });
      }
      if (result.turnState) {
        await this.#put(result.turnState, input.loaded, {
          kind: 'turn',
          conversationId: input.conversationId,
          messageId: input.answerId,
          promptKey: null,
          historyHash: historyHashes(input.systemPrompt, input.turns).at(-1) ?? null,
        });
      }
      const removed = await this.#writer.maintain(
        input.branchIds,
        settings.checkpointsPerBranch,
        settings.stateBudgetBytes,
      );
      if (removed > 0) await this.sweepHot();
      if (result.promptState || result.turnState || removed > 0) this.#events.emit('states.changed', {});
    } finally {
      await this.discard(plan);
    }
  }

  /**
   * Whether a state may be used, before any of its bytes are read: its provenance (model, build,
   * context) and, for a turn state, the history it covers (`covers`, the branch's hash chain at its
   * answer: checked without rendering anything).
   */
  #provenanceOk(record: StateRecord, loaded: EngineLoadedModel, rejections: string[], covers?: string): boolean {
    const refuse = (reason: string) => {
      this.#refuse(record, reason, rejections);
      return false;
    };
    if (record.fingerprint !== loaded.fingerprint) return refuse('belongs to a different model file');
    if (record.engineBuild !== loaded.engineBuild)
      return refuse(`was saved by another engine build (${record.engineBuild})`);
    if (record.contextSize !== loaded.contextSize) {
      return refuse(`was saved with a context of ${record.contextSize} tokens, not ${loaded.contextSize}`);
    }
    if (covers !== undefined) {
      if (record.historyHash === null) return refuse('was saved by an older version of Hearth');
      if (record.historyHash !== covers) return refuse('does not match this conversation’s history');
    }
    return true;
  }

  /** A state's bytes from SQLite, when they still match their checksum (damaged ones are deleted). */
  #bytes(record: StateRecord, rejections: string[]): Buffer | null {
    const stored = this.#store.data(record.id);
    if (!stored) {
      this.#refuse(record, 'is gone', rejections);
      return null;
    }
    try {
      return decodeState(stored, record.compression, record.sha256, record.byteSize);
    } catch (error) {
      // Damaged bytes never become good again: delete them.
      this.#store.delete(record.id);
      this.#refuse(record, `is damaged: ${(error as Error).message}`, rejections);
      return null;
    }
  }

  #refuse(record: StateRecord, reason: string, rejections: string[]): void {
    const what = record.kind === 'prompt' ? 'the cached system-prompt state' : 'a saved state';
    rejections.push(`${what} ${reason}`);
    this.#log(`state ${record.id} refused: ${reason}`);
    // A refused state is not lent again (a copy of a damaged or foreign one is no better).
    void this.#hot.forget(record.id);
  }

  /** Stores a state the engine wrote, and keeps its file as the state's hot copy. */
  async #put(
    written: WrittenState,
    loaded: EngineLoadedModel,
    owner: Pick<StateOwner, 'kind' | 'conversationId' | 'messageId' | 'promptKey' | 'historyHash'>,
  ): Promise<void> {
    const stored = await this.#writer.put(written.path, {
      ...owner,
      fingerprint: loaded.fingerprint,
      engineBuild: loaded.engineBuild,
      contextSize: loaded.contextSize,
      tokenCount: written.tokenCount,
    });
    // Without a hot copy the state is still stored: only the next resume is slower.
    await this.#hot
      .adopt({ id: stored.stateId, sha256: stored.sha256, byteSize: stored.byteSize }, written.path)
      .catch(() => undefined);
  }
}

/** A start from the engine's live sequence, when it holds exactly the newest answer's closed turn. */
function liveStart(input: PlanInput, head: number, position: ReadonlyMap<string, number>): StateRequest['resume'] {
  const live = input.live;
  const newest = input.turns.findLast((turn) => turn.role === 'assistant');
  if (!live || !newest || live.key !== newest.id || live.answer !== newest.text) return null;
  const items = head + (position.get(newest.id) ?? -1) + 1;
  return items === live.items ? { kind: 'live', key: live.key, items } : null;
}

/** One cached system-prompt state per model, build, context size, chat format and prompt. */
export function promptStateKey(loaded: EngineLoadedModel, systemPrompt: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify([loaded.fingerprint, loaded.engineBuild, loaded.contextSize, loaded.chatWrapper, systemPrompt]),
    )
    .digest('hex');
}

/** "a saved state is damaged: …" three times reads as "3 saved states are damaged: …". */
function summarize(rejections: readonly string[]): string | null {
  if (rejections.length === 0) return null;
  const counts = new Map<string, number>();
  for (const reason of rejections) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => (count === 1 ? reason : `${reason} (${count} states)`)).join('; ');
}
