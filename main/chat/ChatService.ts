import {
  AppError,
  type ChatTurn,
  type Conversation,
  type Message,
  type StopReason,
  toErrorValue,
} from '../../contract/index.js';
import type { AppEvents } from '../app/AppEvents.js';
import type { EngineSupervisor, LoadParams } from '../engine/EngineSupervisor.js';
import type { ModelLibrary } from '../models/ModelLibrary.js';
import type { ConversationStore, MessageOutcome } from '../storage/ConversationStore.js';
import type { SettingsStore } from '../storage/SettingsStore.js';

export interface ChatServiceDeps {
  conversations: ConversationStore;
  settings: SettingsStore;
  library: ModelLibrary;
  engine: EngineSupervisor;
  events: AppEvents;
  /** The engine parameters for a model path under the current settings. */
  loadParams(modelPath: string): LoadParams;
}

/** How often a streaming answer's text is written to the database. */
const SAVE_INTERVAL_MS = 500;

interface ActiveAnswer {
  messageId: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Chat turns: the user's message is stored before anything else happens, the answer streams from
 * the engine as `chat.delta` events and is saved in batches, and it always ends in a final state
 * (complete, interrupted with the reason, or error) written to the database and announced with
 * `chat.finished`, whatever happened to the engine meanwhile.
 */
export class ChatService {
  readonly #deps: ChatServiceDeps;
  readonly #active = new Map<string, ActiveAnswer>();

  constructor(deps: ChatServiceDeps) {
    this.#deps = deps;
  }

  async send(conversationId: string, content: string): Promise<{ userMessage: Message; assistantMessage: Message }> {
    const conversation = this.#conversation(conversationId);
    const { modelId, modelPath } = await this.#model(conversation);
    // Checked after the last await, so two quick sends cannot both pass it.
    this.#assertIdle(conversationId);
    if (conversation.modelId !== modelId) this.#deps.conversations.update(conversationId, { modelId });
    const { user, assistant } = this.#deps.conversations.appendExchange(conversationId, content, modelId);
    this.#deps.events.emit('conversations.changed', { conversationId });
    this.#start(this.#conversation(conversationId), assistant, modelPath);
    return { userMessage: user, assistantMessage: assistant };
  }

  async regenerate(conversationId: string): Promise<{ assistantMessage: Message }> {
    const conversation = this.#conversation(conversationId);
    const { modelId, modelPath } = await this.#model(conversation);
    this.#assertIdle(conversationId);
    const messages = this.#deps.conversations.messages(conversationId);
    const last = messages.at(-1);
    const question = last?.role === 'assistant' ? messages.at(-2) : last;
    if (question?.role !== 'user') throw new AppError('invalid_input', 'There is no question to answer again.');
    if (last?.role === 'assistant') this.#deps.conversations.deleteMessage(last.id);
    const assistant = this.#deps.conversations.appendAnswer(conversationId, modelId);
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

  /** Resolves once no answer is streaming (used on shutdown and by tests). */
  async idle(): Promise<void> {
    while (this.#active.size > 0) await Promise.all([...this.#active.values()].map((active) => active.done));
  }

  async stopAll(): Promise<void> {
    for (const active of this.#active.values()) active.controller.abort();
    await this.idle();
  }

  #conversation(id: string): Conversation {
    const conversation = this.#deps.conversations.get(id);
    if (!conversation) throw new AppError('not_found', 'That conversation no longer exists.');
    return conversation;
  }

  #assertIdle(conversationId: string): void {
    if (this.#active.has(conversationId)) {
      throw new AppError('busy', 'An answer is still being written in this conversation. Stop it first.');
    }
  }

  async #model(conversation: Conversation): Promise<{ modelId: string; modelPath: string }> {
    const modelId = conversation.modelId ?? this.#deps.settings.get().defaultModelId;
    if (!modelId) throw new AppError('no_model', 'Choose a model for this conversation first.');
    return { modelId, modelPath: await this.#deps.library.resolve(modelId) };
  }

  #start(conversation: Conversation, assistant: Message, modelPath: string): void {
    const controller = new AbortController();
    const done = this.#answer(conversation, assistant, modelPath, controller.signal).finally(() => {
      this.#active.delete(conversation.id);
    });
    this.#active.set(conversation.id, { messageId: assistant.id, controller, done });
  }

  async #answer(conversation: Conversation, assistant: Message, modelPath: string, signal: AbortSignal): Promise<void> {
    const { conversations, engine, events, settings } = this.#deps;
    const modelId = assistant.modelId ?? '';
    let text = '';
    let savedLength = 0;
    const saver = setInterval(() => {
      if (text.length === savedLength) return;
      conversations.saveProgress(assistant.id, text);
      savedLength = text.length;
    }, SAVE_INTERVAL_MS);

    let outcome: MessageOutcome;
    try {
      const result = await engine.generate(
        this.#deps.loadParams(modelPath),
        {
          requestId: assistant.id,
          systemPrompt: conversation.systemPrompt,
          history: this.#history(conversation.id, assistant.id),
          sampling: conversation.sampling ?? settings.get().defaultSampling,
        },
        {
          signal,
          onText: (chunk) => {
            if (!chunk) return;
            text += chunk;
            events.emit('chat.delta', { conversationId: conversation.id, messageId: assistant.id, text: chunk });
          },
          onLoadProgress: (progress) => events.emit('model.loadProgress', { modelId, progress }),
        },
      );
      const stats = {
        promptTokens: result.promptTokens,
        completionTokens: result.completionTokens,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
        tokensPerSecond: result.tokensPerSecond,
      };
      outcome =
        result.stopReason === 'aborted'
          ? { content: text, status: 'interrupted', stopReason: 'user_stopped', detail: 'Stopped by you.', stats }
          : { content: result.text, status: 'complete', stopReason: result.stopReason, detail: null, stats };
    } catch (error) {
      outcome = failedOutcome(text, toErrorValue(error));
    } finally {
      clearInterval(saver);
    }
    const message = conversations.finish(assistant.id, outcome);
    if (message) events.emit('chat.finished', { conversationId: conversation.id, message });
    events.emit('conversations.changed', { conversationId: conversation.id });
  }

  /** The turns before `beforeMessageId`: what the model is asked to continue. */
  #history(conversationId: string, beforeMessageId: string): ChatTurn[] {
    const turns: ChatTurn[] = [];
    for (const message of this.#deps.conversations.messages(conversationId)) {
      if (message.id === beforeMessageId) break;
      const usable = message.role === 'user' || (message.status !== 'error' && message.content.length > 0);
      if (usable) turns.push({ role: message.role, text: message.content });
    }
    return turns;
  }
}

function failedOutcome(text: string, error: { code: string; message: string }): MessageOutcome {
  const interrupted = (stopReason: StopReason, detail: string): MessageOutcome => ({
    content: text,
    status: 'interrupted',
    stopReason,
    detail,
    stats: null,
  });
  if (error.code === 'aborted') return interrupted('user_stopped', 'Stopped by you before the answer started.');
  if (error.code === 'engine_stopped') return interrupted('engine_stopped', error.message);
  return { content: text, status: 'error', stopReason: 'error', detail: error.message, stats: null };
}
