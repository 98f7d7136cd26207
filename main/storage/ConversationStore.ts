import { randomUUID } from 'node:crypto';
import {
  type Conversation,
  type ConversationSummary,
  type Message,
  type MessageRole,
  type MessageStats,
  type MessageStatus,
  type Sampling,
  SamplingSchema,
  type StopReason,
} from '../../contract/index.js';
import type { Db } from './openDatabase.js';

interface ConversationRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  model_id: string | null;
  system_prompt: string;
  sampling_json: string | null;
}

interface MessageRow {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  seq: number;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  stop_reason: StopReason | null;
  detail: string | null;
  model_id: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  time_to_first_token_ms: number | null;
  tokens_per_second: number | null;
  created_at: number;
}

export interface MessageOutcome {
  content: string;
  status: Exclude<MessageStatus, 'streaming'>;
  stopReason: StopReason;
  detail: string | null;
  stats: MessageStats | null;
}

export interface ConversationPatch {
  title?: string;
  modelId?: string | null;
  systemPrompt?: string;
  sampling?: Sampling | null;
}

const UNTITLED = 'New chat';

/** Conversations and messages: the only code that writes SQL for them. */
export class ConversationStore {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  list(): ConversationSummary[] {
    const rows = this.#db
      .prepare<[], ConversationRow & { message_count: number }>(
        `SELECT c.*, (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count
         FROM conversations c ORDER BY c.updated_at DESC, c.rowid DESC`,
      )
      .all();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      updatedAt: row.updated_at,
      modelId: row.model_id,
      messageCount: row.message_count,
    }));
  }

  get(id: string): Conversation | undefined {
    const row = this.#db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?').get(id);
    return row && toConversation(row);
  }

  create(init: { title?: string | undefined; modelId: string | null; systemPrompt: string }): Conversation {
    const now = this.#now();
    const row: ConversationRow = {
      id: randomUUID(),
      title: init.title?.trim() || UNTITLED,
      created_at: now,
      updated_at: now,
      model_id: init.modelId,
      system_prompt: init.systemPrompt,
      sampling_json: null,
    };
    this.#db
      .prepare(
        `INSERT INTO conversations (id, title, created_at, updated_at, model_id, system_prompt, sampling_json)
         VALUES (@id, @title, @created_at, @updated_at, @model_id, @system_prompt, @sampling_json)`,
      )
      .run(row);
    return toConversation(row);
  }

  update(id: string, patch: ConversationPatch): Conversation | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: Conversation = {
      ...current,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.modelId !== undefined && { modelId: patch.modelId }),
      ...(patch.systemPrompt !== undefined && { systemPrompt: patch.systemPrompt }),
      ...(patch.sampling !== undefined && { sampling: patch.sampling }),
      updatedAt: this.#now(),
    };
    this.#db
      .prepare(
        `UPDATE conversations SET title = ?, model_id = ?, system_prompt = ?, sampling_json = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        next.title,
        next.modelId,
        next.systemPrompt,
        next.sampling ? JSON.stringify(next.sampling) : null,
        next.updatedAt,
        id,
      );
    return next;
  }

  delete(id: string): boolean {
    return this.#db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes > 0;
  }

  messages(conversationId: string): Message[] {
    return this.#db
      .prepare<[string], MessageRow>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq')
      .all(conversationId)
      .map(toMessage);
  }

  getMessage(id: string): Message | undefined {
    const row = this.#db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?').get(id);
    return row && toMessage(row);
  }

  /**
   * Stores the user's message and the empty answer that will stream into it, in one transaction,
   * before any generation starts: a crash from here on loses nothing the user typed.
   */
  appendExchange(conversationId: string, userContent: string, modelId: string): { user: Message; assistant: Message } {
    return this.#db.transaction(() => {
      const user = this.#insertMessage(conversationId, 'user', userContent, 'complete', null);
      const assistant = this.#insertMessage(conversationId, 'assistant', '', 'streaming', modelId);
      const conversation = this.get(conversationId);
      if (conversation && conversation.title === UNTITLED) {
        this.#db.prepare('UPDATE conversations SET title = ? WHERE id = ?').run(titleFrom(userContent), conversationId);
      }
      return { user, assistant };
    })();
  }

  /** A fresh streaming answer after the conversation's last message (used by regenerate). */
  appendAnswer(conversationId: string, modelId: string): Message {
    return this.#db.transaction(() => this.#insertMessage(conversationId, 'assistant', '', 'streaming', modelId))();
  }

  deleteMessage(id: string): boolean {
    return this.#db.prepare('DELETE FROM messages WHERE id = ?').run(id).changes > 0;
  }

  /** Saves the text streamed so far; called in batches while an answer streams. */
  saveProgress(messageId: string, content: string): void {
    this.#db.prepare("UPDATE messages SET content = ? WHERE id = ? AND status = 'streaming'").run(content, messageId);
  }

  finish(messageId: string, outcome: MessageOutcome): Message | undefined {
    const stats = outcome.stats;
    this.#db
      .prepare(
        `UPDATE messages SET content = ?, status = ?, stop_reason = ?, detail = ?, prompt_tokens = ?,
           completion_tokens = ?, time_to_first_token_ms = ?, tokens_per_second = ?
         WHERE id = ?`,
      )
      .run(
        outcome.content,
        outcome.status,
        outcome.stopReason,
        outcome.detail,
        stats?.promptTokens ?? null,
        stats?.completionTokens ?? null,
        stats?.timeToFirstTokenMs ?? null,
        stats?.tokensPerSecond ?? null,
        messageId,
      );
    return this.getMessage(messageId);
  }

  /** Answers left `streaming` by a previous run that ended abruptly keep their text, marked interrupted. */
  recoverInterrupted(): number {
    return this.#db
      .prepare(
        `UPDATE messages SET status = 'interrupted', stop_reason = 'app_closed',
           detail = 'Hearth closed before this answer finished.'
         WHERE status = 'streaming'`,
      )
      .run().changes;
  }

  #insertMessage(
    conversationId: string,
    role: MessageRole,
    content: string,
    status: MessageStatus,
    modelId: string | null,
  ): Message {
    const last = this.#db
      .prepare<[string], { id: string; seq: number }>(
        'SELECT id, seq FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1',
      )
      .get(conversationId);
    const now = this.#now();
    const row: MessageRow = {
      id: randomUUID(),
      conversation_id: conversationId,
      parent_id: last?.id ?? null,
      seq: (last?.seq ?? 0) + 1,
      role,
      content,
      status,
      stop_reason: null,
      detail: null,
      model_id: modelId,
      prompt_tokens: null,
      completion_tokens: null,
      time_to_first_token_ms: null,
      tokens_per_second: null,
      created_at: now,
    };
    this.#db
      .prepare(
        `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, model_id, created_at)
         VALUES (@id, @conversation_id, @parent_id, @seq, @role, @content, @status, @model_id, @created_at)`,
      )
      .run(row);
    this.#db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(now, conversationId);
    return toMessage(row);
  }
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    modelId: row.model_id,
    systemPrompt: row.system_prompt,
    sampling: parseSampling(row.sampling_json),
  };
}

/** A stored value that no longer fits the schema falls back to the defaults instead of failing the load. */
function parseSampling(json: string | null): Sampling | null {
  if (json === null) return null;
  try {
    const parsed = SamplingSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toMessage(row: MessageRow): Message {
  const hasStats = row.completion_tokens !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    status: row.status,
    stopReason: row.stop_reason,
    detail: row.detail,
    modelId: row.model_id,
    stats: hasStats
      ? {
          promptTokens: row.prompt_tokens ?? 0,
          completionTokens: row.completion_tokens ?? 0,
          timeToFirstTokenMs: row.time_to_first_token_ms,
          tokensPerSecond: row.tokens_per_second,
        }
      : null,
    createdAt: row.created_at,
  };
}

function titleFrom(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line || UNTITLED;
}
