import { localized } from '../../contract/i18n/index.js';
import {
  AppError,
  type Conversation,
  type EngineLoadedModel,
  type GenerateResult,
  type Message,
  type StopReason,
  type TurnResult,
  parseRemoteModelId,
  toErrorValue,
} from '../../contract/index.js';
import type { RemoteEngines } from '../remote/RemoteEngines.js';
import type { AppEvents } from '../app/AppEvents.js';
import type { EngineSupervisor, LoadParams } from '../engine/EngineSupervisor.js';
import type { ModelLibrary } from '../models/ModelLibrary.js';
import type { IdentifiedTurn, StateKeeper, TurnPlan } from '../states/StateKeeper.js';
import type { ConversationStore, MessageOutcome } from '../storage/ConversationStore.js';
import type { SettingsStore } from '../storage/SettingsStore.js';
import type { Grounding } from '../documents/groundQuestion.js';

export interface ChatServiceDeps {
  conversations: ConversationStore;
  settings: SettingsStore;
  library: ModelLibrary;
  engine: EngineSupervisor;
  /** Answers for conversations on a remote engine's model (no saved states: the server reads the history). */
  remote: RemoteEngines;
  states: StateKeeper;
  events: AppEvents;
  /** The engine parameters for a model path: the hardware plan under the current settings. */
  loadParams(modelPath: string): Promise<LoadParams>;
  /** For a conversation with documents: the passages for this question, as the model's input. */
  ground?(conversationId: string, question: string): Promise<Grounding | null>;
}

/** How often a streaming answer's text is written to the database. */
const SAVE_INTERVAL_MS = 500;

interface ActiveAnswer {
  messageId: string;
  controller: AbortController;
}

/**
 * Chat turns on a conversation tree. The user's message is stored before anything else happens;
 * the answer streams from the engine as `chat.delta` events, is saved in batches, and always ends
 * in a final state (complete, interrupted with the reason, or error) written to the database and
 * announced with `chat.finished`, whatever happened to the engine meanwhile. Editing a question or
 * answering one again adds a branch beside the old one instead of replacing it.
 */
export class ChatService {
  readonly #deps: ChatServiceDeps;
  /** Answers being written, by conversation: a conversation takes one question at a time. */
  readonly #active = new Map<string, ActiveAnswer>();
  /**
   * Turns not yet settled, by conversation: after its answer is complete a turn still saves its
   * state. The next turn of the same conversation waits for that, so it can start from it.
   */
  readonly #settling = new Map<string, Promise<void>>();
  /**
   * Turns whose engine work is not done yet, by conversation. The next turn of the conversation
   * starts when this resolves: if the engine still holds the answer's closed turn it continues from
   * it at once, and only waits for the saved state (in #settling) when it has to read it back.
   */
  readonly #engineBusy = new Map<string, Promise<void>>();
  /** Saved states being loaded into the engine ahead of a conversation's next message, by conversation. */
  readonly #preparing = new Map<string, Promise<void>>();
  /** Answers that ended while the disk was full: their final state, written by the next call. */
  readonly #unsaved = new Map<string, MessageOutcome>();

  constructor(deps: ChatServiceDeps) {
    this.#deps = deps;
  }

  /** A new question at the end of the active branch. */
  async send(conversationId: string, content: string): Promise<{ userMessage: Message; assistantMessage: Message }> {
    return this.#ask(conversationId, this.#deps.conversations.leafId(conversationId), content);
  }

  /**
   * A question whose model input was prepared by a document tool: the user sees `content`, the
   * model reads `grounding.modelContent` (a whole document, or summaries of its parts).
   */
  async sendPrepared(
    conversationId: string,
    content: string,
    grounding: Grounding,
  ): Promise<{ userMessage: Message; assistantMessage: Message }> {
    return this.#ask(conversationId, this.#deps.conversations.leafId(conversationId), content, grounding);
  }

  /** An edited copy of an earlier question, on a new branch from the point it was asked. */
  async edit(
    conversationId: string,
    messageId: string,
    content: string,
  ): Promise<{ userMessage: Message; assistantMessage: Message }> {
    const original = this.#deps.conversations.getMessage(messageId);
    if (original?.conversationId !== conversationId || original.role !== 'user') {
      throw AppError.localized('invalid_input', 'editOwnMessagesOnly');
    }
    return this.#ask(conversationId, original.parentId, content);
  }

  /** Answers a question again, beside its earlier answers. Defaults to the last answer's question. */
  async regenerate(conversationId: string, messageId?: string): Promise<{ assistantMessage: Message }> {
    const conversation = this.#conversation(conversationId);
    const targetId = messageId ?? this.#deps.conversations.leafId(conversationId);
    const target = targetId ? this.#deps.conversations.getMessage(targetId) : undefined;
    if (target?.conversationId !== conversationId) throw AppError.localized('invalid_input', 'noAnswerToRegenerate');
    if (target.stopReason === 'not_in_documents') {
      // Its question was never given sources (no model was to see it): a model writing "a new
      // version" would answer from its own knowledge, which strict mode exists to prevent.
      throw AppError.localized('invalid_input', 'regenerateNotInDocuments');
    }
    const questionId = target.role === 'assistant' ? target.parentId : target.id;
    const question = questionId ? this.#deps.conversations.getMessage(questionId) : undefined;
    if (question?.role !== 'user') throw AppError.localized('invalid_input', 'noQuestionToAnswer');
    const { modelId, modelPath } = await this.#model(conversation);
    this.#assertIdle(conversationId);
    const assistant = this.#deps.conversations.appendAnswer(conversationId, question.id, modelId);
    this.#deps.events.emit('conversations.changed', { conversationId });
    this.#start(conversation, assistant, modelPath);
    return { assistantMessage: assistant };
  }

  stop(conversationId: string): boolean {
    const active = this.#active.get(conversationId);
    active?.controller.abort();
    return active !== undefined;
  }

  isAnswering(conversationId: string): boolean {
    return this.#active.has(conversationId);
  }

  /**
   * Eager resume: a conversation was opened, so its next message is likely. Its newest answer's
   * saved state is loaded into the engine in the background (when the engine does not hold it
   * already and nothing is being answered there), and the next turn continues from memory
   * instead of paying for the load. Best effort: any failure just leaves the work to that turn.
   */
  prepare(conversationId: string): void {
    const { conversations, engine, library, settings, states } = this.#deps;
    if (!settings.get().saveStates || this.#active.has(conversationId) || this.#preparing.has(conversationId)) return;
    const conversation = conversations.get(conversationId);
    const leafId = conversations.leafId(conversationId);
    const modelId = conversation?.modelId ?? settings.get().defaultModelId;
    if (!conversation || !leafId || !modelId || parseRemoteModelId(modelId)) return;
    const branch = conversations.pathTo(leafId);
    const turns = toTurns(branch, conversations.modelContents(branch.map((message) => message.id)));
    const newest = turns.findLastIndex((turn) => turn.role === 'assistant');
    const answer = turns[newest];
    if (!answer || engine.liveTurn?.key === answer.id) return;
    const covered = turns.slice(0, newest + 1);
    const items = (conversation.systemPrompt.trim() ? 1 : 0) + covered.length;
    const task = (async () => {
      const modelPath = await library.resolve(modelId);
      // Never a load (nor a hardware probe for its plan) just because a conversation was opened.
      if (engine.status.loaded?.modelPath !== modelPath) return;
      let plan: TurnPlan | null = null;
      try {
        await engine.preload(await this.#deps.loadParams(modelPath), async (loaded) => {
          // Planned in the engine's queue: a turn that ran meanwhile may have left it live already.
          if (engine.liveTurn?.key === answer.id) return null;
          plan = await states.plan({
            requestId: `preload-${answer.id}`,
            turns: covered,
            systemPrompt: conversation.systemPrompt,
            loaded,
            live: null,
          });
          const resume = plan.request.resume;
          // Only the newest answer's own state: an older one would not be where the next turn starts.
          if (resume?.kind !== 'state' || resume.items !== items) return null;
          return { key: answer.id, path: resume.path, items, sha256: resume.sha256, answer: answer.text };
        });
      } finally {
        if (plan) await states.discard(plan);
      }
    })()
      .catch(() => undefined)
      .finally(() => this.#preparing.delete(conversationId));
    this.#preparing.set(conversationId, task);
  }

  /** Resolves once no turn is running, states saved included (used on shutdown and by tests). */
  async idle(): Promise<void> {
    while (this.#settling.size > 0 || this.#preparing.size > 0) {
      await Promise.all([...this.#settling.values(), ...this.#preparing.values()]);
    }
  }

  async stopAll(): Promise<void> {
    for (const active of this.#active.values()) active.controller.abort();
    await this.idle();
  }

  async #ask(
    conversationId: string,
    parentId: string | null,
    content: string,
    prepared: Grounding | null = null,
  ): Promise<{ userMessage: Message; assistantMessage: Message }> {
    this.#saveUnsaved();
    const conversation = this.#conversation(conversationId);
    const { modelId, modelPath } = await this.#model(conversation);
    // Checked after the last await, so two quick sends cannot both pass it.
    this.#assertIdle(conversationId);
    if (conversation.modelId !== modelId) this.#deps.conversations.update(conversationId, { modelId });
    const grounding = prepared ?? (await this.#deps.ground?.(conversationId, content)) ?? null;
    this.#assertIdle(conversationId);
    const { conversations } = this.#deps;
    const exchange = conversations.appendExchange(conversationId, parentId, content, modelId);
    const { user } = exchange;
    let { assistant } = exchange;
    if (grounding) {
      conversations.setRetrieval(user.id, grounding.modelContent, assistant.id, grounding.sources);
      assistant = conversations.getMessage(assistant.id) ?? assistant;
    }
    if (grounding?.refusal) {
      // Strict mode and no passage good enough: the honest answer needs no model. Its stop reason
      // marks it as Hearth's own, so the UI never presents it as the model's.
      const message = conversations.finish(assistant.id, {
        content: grounding.refusal,
        status: 'complete',
        stopReason: 'not_in_documents',
        detail: null,
        stats: null,
        context: null,
      });
      this.#deps.events.emit('conversations.changed', { conversationId });
      if (message) this.#deps.events.emit('chat.finished', { conversationId, message });
      return { userMessage: user, assistantMessage: message ?? assistant };
    }
    this.#deps.events.emit('conversations.changed', { conversationId });
    this.#start(this.#conversation(conversationId), assistant, modelPath);
    return { userMessage: user, assistantMessage: assistant };
  }

  /** Writes answers whose end could not be saved (a full disk); throws if it still cannot. */
  #saveUnsaved(): void {
    for (const [messageId, outcome] of this.#unsaved) {
      this.#deps.conversations.finish(messageId, outcome);
      this.#unsaved.delete(messageId);
    }
  }

  #conversation(id: string): Conversation {
    const conversation = this.#deps.conversations.get(id);
    if (!conversation) throw AppError.localized('not_found', 'conversationNotFound');
    return conversation;
  }

  #assertIdle(conversationId: string): void {
    if (this.#active.has(conversationId)) {
      throw AppError.localized('busy', 'conversationBusy');
    }
  }

  /** The conversation's model; a remote one has no path here (its engine is checked when it answers). */
  async #model(conversation: Conversation): Promise<{ modelId: string; modelPath: string | null }> {
    const modelId = conversation.modelId ?? this.#deps.settings.get().defaultModelId;
    if (!modelId) throw AppError.localized('no_model', 'noModelChosen');
    if (parseRemoteModelId(modelId)) return { modelId, modelPath: null };
    return { modelId, modelPath: await this.#deps.library.resolve(modelId) };
  }

  #start(conversation: Conversation, assistant: Message, modelPath: string | null): void {
    const controller = new AbortController();
    const previousSettled = this.#settling.get(conversation.id) ?? Promise.resolve();
    const previousEngine = this.#engineBusy.get(conversation.id) ?? previousSettled;
    // The conversation takes its next question as soon as this answer is complete.
    const release = () => {
      if (this.#active.get(conversation.id)?.messageId === assistant.id) this.#active.delete(conversation.id);
    };
    let engineDone = () => {};
    const engineBusy = new Promise<void>((resolve) => {
      engineDone = resolve;
    });
    const turn = { signal: controller.signal, release, engineDone, previousSettled };
    const settled: Promise<void> = previousEngine
      .then(() => this.#answer(conversation, assistant, modelPath, turn))
      .finally(() => {
        release();
        engineDone();
        if (this.#settling.get(conversation.id) === settled) this.#settling.delete(conversation.id);
        if (this.#engineBusy.get(conversation.id) === engineBusy) this.#engineBusy.delete(conversation.id);
      });
    this.#active.set(conversation.id, { messageId: assistant.id, controller });
    this.#settling.set(conversation.id, settled);
    this.#engineBusy.set(conversation.id, engineBusy);
  }

  async #answer(
    conversation: Conversation,
    assistant: Message,
    modelPath: string | null,
    turnControl: TurnControl,
  ): Promise<void> {
    const { signal, release } = turnControl;
    const { conversations, engine, events, settings, states } = this.#deps;
    const modelId = assistant.modelId ?? '';
    const branch = conversations.pathTo(assistant.id).slice(0, -1);
    const turns = toTurns(branch, conversations.modelContents(branch.map((message) => message.id)));
    let text = '';
    let savedLength = 0;
    let saveFailureNoticed = false;
    // A write that fails (a full disk) must not end main from a timer: the text stays in memory,
    // the user is told once, and the next batch tries again.
    const noticeSaveFailure = (error: unknown) => {
      if (saveFailureNoticed) return;
      saveFailureNoticed = true;
      const { message, text } = toErrorValue(error);
      events.emit('notice', { level: 'error', message, text, conversationId: conversation.id, at: Date.now() });
    };
    const saver = setInterval(() => {
      if (text.length === savedLength) return;
      try {
        conversations.saveProgress(assistant.id, text);
        savedLength = text.length;
      } catch (error) {
        noticeSaveFailure(error);
      }
    }, SAVE_INTERVAL_MS);

    // Filled in once the engine has loaded the model (the plan depends on which model it is).
    const prepared: { plan: TurnPlan | null; loaded: EngineLoadedModel | null; planMs: number } = {
      plan: null,
      loaded: null,
      planMs: 0,
    };
    let finished = false;
    const finish = (outcome: MessageOutcome) => {
      if (finished) return;
      finished = true;
      clearInterval(saver);
      let message: Message | undefined;
      try {
        message = conversations.finish(assistant.id, outcome);
      } catch (error) {
        // Not saved (a full disk): shown as it is, kept in memory, saved by the next call that
        // can write (a restart would find it as interrupted, with the text saved so far).
        this.#unsaved.set(assistant.id, outcome);
        noticeSaveFailure(error);
        const current = conversations.getMessage(assistant.id);
        const detail = toErrorValue(error).message;
        message = current && { ...current, ...outcome, status: 'error', stopReason: 'error', detail };
      }
      release();
      if (message) events.emit('chat.finished', { conversationId: conversation.id, message });
      events.emit('conversations.changed', { conversationId: conversation.id });
    };

    let turn: TurnResult | null = null;
    const onText = (chunk: string) => {
      if (!chunk) return;
      text += chunk;
      events.emit('chat.delta', { conversationId: conversation.id, messageId: assistant.id, text: chunk });
    };
    if (modelPath === null) {
      // A remote engine's model: the server reads the whole conversation each turn.
      try {
        const result = await this.#deps.remote.generate(
          modelId,
          {
            systemPrompt: conversation.systemPrompt,
            history: turns.map(({ role, text }) => ({ role, text })),
            sampling: conversation.sampling ?? settings.get().defaultSampling,
          },
          { signal, onText },
        );
        finish(answeredOutcome(text, result, prepared));
      } catch (error) {
        finish(failedOutcome(text, toErrorValue(error)));
      } finally {
        clearInterval(saver);
        turnControl.engineDone();
      }
      return;
    }
    try {
      turn = await engine.generate(
        await this.#deps.loadParams(modelPath),
        async (model) => {
          // Planned again only when a fresh engine loaded a different model: drop the old plan.
          if (prepared.plan) await states.discard(prepared.plan);
          prepared.loaded = model;
          const planStarted = performance.now();
          // Unless the engine still holds the last answer, the state to start from is the one the
          // previous turn is still storing: wait for it (it is only the storing, the answer is done).
          const live = engine.liveTurn;
          if (live?.key !== turns.findLast((turn) => turn.role === 'assistant')?.id) {
            await turnControl.previousSettled;
          }
          const plan = await states.plan({
            requestId: assistant.id,
            turns,
            systemPrompt: conversation.systemPrompt,
            loaded: model,
            live: engine.liveTurn,
          });
          prepared.plan = plan;
          prepared.planMs = performance.now() - planStarted;
          return {
            requestId: assistant.id,
            systemPrompt: conversation.systemPrompt,
            history: turns.map(({ role, text }) => ({ role, text })),
            sampling: conversation.sampling ?? settings.get().defaultSampling,
            ...plan.request,
          };
        },
        {
          signal,
          onText,
          onLoadProgress: (progress) => events.emit('model.loadProgress', { modelId, progress }),
          onResumeCrashed: (reason) => {
            if (prepared.plan) states.refuseResumed(prepared.plan, reason);
          },
          onAnswered: (result) => {
            if (result.context.rejected) {
              events.emit('notice', {
                level: 'warning',
                ...localized('notices', 'savedStateNotUsed', { reason: result.context.rejected }),
                conversationId: conversation.id,
                at: Date.now(),
              });
            }
            finish(answeredOutcome(text, result, prepared));
          },
        },
      );
      // Normally `onAnswered` already finished the message; this covers an engine that sent none.
      finish(answeredOutcome(text, turn, prepared));
    } catch (error) {
      finish(failedOutcome(text, toErrorValue(error)));
    } finally {
      clearInterval(saver);
      turnControl.engineDone();
      if (prepared.plan && prepared.loaded) {
        await states
          .keep(prepared.plan, turn, {
            conversationId: conversation.id,
            answerId: assistant.id,
            branchIds: [...branch.map((message) => message.id), assistant.id],
            turns: [...turns, { role: 'assistant', text: turn?.text ?? '' }],
            systemPrompt: conversation.systemPrompt,
            loaded: prepared.loaded,
          })
          .catch((error: unknown) => {
            const value = toErrorValue(error);
            const said =
              value.code === 'disk_full'
                ? { message: value.message, text: value.text }
                : localized('notices', 'stateNotSaved', { reason: value.message });
            events.emit('notice', { level: 'warning', ...said, conversationId: conversation.id, at: Date.now() });
          });
      }
    }
  }
}

interface TurnControl {
  signal: AbortSignal;
  /** Frees the conversation for its next question (the answer is complete). */
  release: () => void;
  /** The engine is done with this turn (answer closed, state file written). */
  engineDone: () => void;
  /** The previous turn of this conversation, its saved state stored. */
  previousSettled: Promise<void>;
}

/**
 * What the model is asked to continue: questions, and answers that have text; questions asked
 * over documents carry their numbered sources.
 */
function toTurns(branch: readonly Message[], modelContents: ReadonlyMap<string, string>): IdentifiedTurn[] {
  return branch
    .filter((message) => message.role === 'user' || (message.status !== 'error' && message.content.length > 0))
    .map((message) => ({ id: message.id, role: message.role, text: modelContents.get(message.id) ?? message.content }));
}

/**
 * The final record of an answer. Its context cost includes main's share (reading and checking the
 * saved state, handing it to the engine) as well as the engine's.
 */
function answeredOutcome(
  streamed: string,
  result: GenerateResult,
  prepared: { plan: TurnPlan | null; planMs: number },
): MessageOutcome {
  const stats = {
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    timeToFirstTokenMs: result.timeToFirstTokenMs,
    tokensPerSecond: result.tokensPerSecond,
  };
  const rejected = [prepared.plan?.rejected, result.context.rejected].filter(Boolean).join('; ') || null;
  const context = { ...result.context, ms: result.context.ms + prepared.planMs, rejected };
  return result.stopReason === 'aborted'
    ? {
        content: result.text || streamed,
        status: 'interrupted',
        stopReason: 'user_stopped',
        detail: 'Stopped by you.',
        stats,
        context,
      }
    : { content: result.text, status: 'complete', stopReason: result.stopReason, detail: null, stats, context };
}

function failedOutcome(text: string, error: { code: string; message: string }): MessageOutcome {
  const interrupted = (stopReason: StopReason, detail: string): MessageOutcome => ({
    content: text,
    status: 'interrupted',
    stopReason,
    detail,
    stats: null,
    context: null,
  });
  if (error.code === 'aborted') return interrupted('user_stopped', 'Stopped by you before the answer started.');
  if (error.code === 'engine_stopped') return interrupted('engine_stopped', error.message);
  return { content: text, status: 'error', stopReason: 'error', detail: error.message, stats: null, context: null };
}
