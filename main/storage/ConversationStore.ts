import { randomUUID } from 'node:crypto';
import {
  type ContextPreparation,
  type ContextSource,
  type Conversation,
  CONVERSATION_PAGE_SIZE,
  type ConversationPage,
  type ConversationSummary,
  type Message,
  type MessageRole,
  type MessageStats,
  type MessageStatus,
  type Sampling,
  SamplingSchema,
  type StopReason,
  type Citation,
  CitationSchema,
} from '../../contract/index.js';
import { z } from 'zod';
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
  context_source: ContextSource | null;
  context_tokens: number | null;
  context_ms: number | null;
  context_rejected: string | null;
  context_held: number | null;
  model_content: string | null;
  sources_json: string | null;
  created_at: number;
}

export interface MessageOutcome {
  content: string;
  status: Exclude<MessageStatus, 'streaming'>;
  stopReason: StopReason;
  detail: string | null;
  stats: MessageStats | null;
  context: ContextPreparation | null;
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

  /**
   * One page of summaries, most recently updated first, from after `cursor` (`updatedAt:rowid` of
   * the last row of the page before). Only the columns the list shows are read: a system prompt
   * can be 100,000 characters, and reading one per row made the list hundreds of times slower.
   *
   * Pinned conversations are not paged: the first page brings all of them apart, and the pages
   * hold only the others. A cursor on (updated_at, rowid) then stays exact, where ordering by
   * "pinned first" would need the pin in the cursor and would skip or repeat rows whenever a
   * conversation is pinned or unpinned between two pages.
   */
  list({
    limit = CONVERSATION_PAGE_SIZE,
    cursor,
  }: { limit?: number; cursor?: string | undefined } = {}): ConversationPage {
    const [afterUpdate, afterRow] = cursor ? cursor.split(':').map(Number) : [null, null];
    const rows = this.#db
      .prepare<[{ afterUpdate: number | null; afterRow: number | null; limit: number }], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS}
         FROM conversations c
         WHERE c.pinned_at IS NULL
           AND (@afterUpdate IS NULL OR c.updated_at < @afterUpdate
                OR (c.updated_at = @afterUpdate AND c.rowid < @afterRow))
         ORDER BY c.updated_at DESC, c.rowid DESC
         LIMIT @limit`,
      )
      .all({ afterUpdate: afterUpdate ?? null, afterRow: afterRow ?? null, limit: limit + 1 });
    const pinned = cursor
      ? []
      : this.#db
          .prepare<[], SummaryRow>(
            `SELECT ${SUMMARY_COLUMNS}
             FROM conversations c
             WHERE c.pinned_at IS NOT NULL
             ORDER BY c.pinned_at DESC, c.rowid DESC`,
          )
          .all();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      pinned: pinned.map(toSummary),
      conversations: page.map(toSummary),
      nextCursor: rows.length > limit && last ? `${last.updated_at}:${last.row}` : null,
    };
  }

  /**
   * Pins or unpins; pinning again keeps the first pin's time. Returns when it was pinned (null:
   * not pinned), or undefined when there is no such conversation. The update time is left alone:
   * pinning is not a change to the conversation.
   */
  setPinned(id: string, pinned: boolean): { pinnedAt: number | null } | undefined {
    const row = this.#db
      .prepare<[{ id: string; at: number | null }], { pinned_at: number | null }>(
        'UPDATE conversations SET pinned_at = CASE WHEN @at IS NULL THEN NULL ELSE COALESCE(pinned_at, @at) END WHERE id = @id RETURNING pinned_at',
      )
      .get({ id, at: pinned ? this.#now() : null });
    return row && { pinnedAt: row.pinned_at };
  }

  get(id: string): Conversation | undefined {
    const row = this.#db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?').get(id);
    return row && toConversation(row);
  }

  /**
   * A new conversation; with `reuseEmpty` (and no title asked for), the newest unpinned one that
   * was never used (no messages, the default title, no documents, and the system prompt and sampling
   * a new one would get — a default changed since, or a prompt written for it, makes it a different
   * chat) instead, moved to the top with the model asked for: pressing "New chat" twice does not
   * pile up empty entries.
   */
  create(
    init: { title?: string | undefined; modelId: string | null; systemPrompt: string },
    { reuseEmpty = false }: { reuseEmpty?: boolean } = {},
  ): Conversation {
    if (reuseEmpty && !init.title?.trim()) {
      const reused = this.#db.transaction(() => {
        const empty = this.#db
          .prepare<[string, string], { id: string }>(
            `SELECT c.id FROM conversations c
             WHERE c.title = ? AND c.pinned_at IS NULL AND c.system_prompt = ? AND c.sampling_json IS NULL
               AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM conversation_documents d WHERE d.conversation_id = c.id)
             ORDER BY c.updated_at DESC, c.rowid DESC
             LIMIT 1`,
          )
          .get(UNTITLED, init.systemPrompt);
        return empty && this.update(empty.id, { modelId: init.modelId });
      })();
      if (reused) return reused;
    }
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

  /** The documents a conversation answers from, and whether only from them. */
  documents(id: string): { documentIds: string[]; strict: boolean } {
    const ids = this.#db
      .prepare<[string], { document_id: string }>(
        'SELECT document_id FROM conversation_documents WHERE conversation_id = ? ORDER BY document_id',
      )
      .all(id)
      .map((row) => row.document_id);
    const strict =
      this.#db.prepare<[string], { s: number }>('SELECT strict_documents AS s FROM conversations WHERE id = ?').get(id)
        ?.s === 1;
    return { documentIds: ids, strict };
  }

  setDocuments(
    id: string,
    documentIds: readonly string[],
    strict: boolean,
  ): { documentIds: string[]; strict: boolean } {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM conversation_documents WHERE conversation_id = ?').run(id);
      const insert = this.#db.prepare(
        `INSERT OR IGNORE INTO conversation_documents (conversation_id, document_id)
         SELECT ?, id FROM documents WHERE id = ?`,
      );
      for (const documentId of documentIds) insert.run(id, documentId);
      this.#db.prepare('UPDATE conversations SET strict_documents = ? WHERE id = ?').run(strict ? 1 : 0, id);
    })();
    return this.documents(id);
  }

  /** Records what the model is given for a question, and the sources its answer may cite. */
  setRetrieval(userMessageId: string, modelContent: string, assistantMessageId: string, sources: Citation[]): void {
    this.#db.transaction(() => {
      this.#db.prepare('UPDATE messages SET model_content = ? WHERE id = ?').run(modelContent, userMessageId);
      this.#db
        .prepare('UPDATE messages SET sources_json = ? WHERE id = ?')
        .run(JSON.stringify(sources), assistantMessageId);
    })();
  }

  /** The text the model saw for each message of a branch: the question with its sources, where it had them. */
  modelContents(messageIds: readonly string[]): Map<string, string> {
    if (messageIds.length === 0) return new Map();
    const rows = this.#db
      .prepare<string[], { id: string; model_content: string }>(
        `SELECT id, model_content FROM messages WHERE model_content IS NOT NULL AND id IN (${messageIds.map(() => '?').join(', ')})`,
      )
      .all(...messageIds);
    return new Map(rows.map((row) => [row.id, row.model_content]));
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

  /** The messages of the conversation's active branch, root first. */
  activeBranch(conversationId: string): Message[] {
    const leaf = this.leafId(conversationId);
    return leaf ? this.pathTo(leaf) : [];
  }

  getMessage(id: string): Message | undefined {
    const row = this.#db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?').get(id);
    if (!row) return undefined;
    const siblings = this.#db
      .prepare<[string, string | null], { id: string }>(
        'SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY seq',
      )
      .all(row.conversation_id, row.parent_id)
      .map((sibling) => sibling.id);
    return toMessage(row, siblings);
  }

  /** `messageId` and its ancestors, root first. */
  pathTo(messageId: string): Message[] {
    const rows = this.#db
      .prepare<[string], MessageRow>(
        `WITH RECURSIVE path (id, depth) AS (
           SELECT id, 0 FROM messages WHERE id = ?
           UNION ALL
           SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id WHERE m.parent_id IS NOT NULL
         )
         SELECT messages.* FROM path JOIN messages USING (id) ORDER BY path.depth DESC`,
      )
      .all(messageId);
    const conversationId = rows[0]?.conversation_id;
    if (!conversationId) return [];
    const siblings = this.#siblingsByParent(conversationId);
    return rows.map((row) => toMessage(row, siblings.get(row.parent_id) ?? [row.id]));
  }

  /** The last message of the active branch: the chosen leaf, or else the newest message. */
  leafId(conversationId: string): string | null {
    const row = this.#db
      .prepare<[string, string], { id: string }>(
        `SELECT COALESCE(
           (SELECT active_leaf_id FROM conversations WHERE id = ?),
           (SELECT id FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1)
         ) AS id`,
      )
      .get(conversationId, conversationId);
    return row?.id ?? null;
  }

  /** Shows the branch through `messageId`: it and, below it, always the newest continuation. */
  selectBranch(conversationId: string, messageId: string): boolean {
    const message = this.getMessage(messageId);
    if (message?.conversationId !== conversationId) return false;
    this.#setLeaf(conversationId, this.#newestDescendant(messageId));
    return true;
  }

  /**
   * Deletes `messageId` with everything after it (foreign keys cascade to the answers below it
   * and to their saved states), then shows a neighbouring branch, or the point it grew from.
   */
  deleteBranch(conversationId: string, messageId: string): boolean {
    const message = this.getMessage(messageId);
    if (message?.conversationId !== conversationId) return false;
    return this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM messages WHERE id = ?').run(messageId);
      const sibling = this.#db
        .prepare<[string, string | null], { id: string }>(
          'SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY seq DESC LIMIT 1',
        )
        .get(conversationId, message.parentId);
      const next = sibling ? this.#newestDescendant(sibling.id) : message.parentId;
      this.#setLeaf(conversationId, next);
      return true;
    })();
  }

  /**
   * Stores the user's message and the empty answer that will stream into it, in one transaction,
   * before any generation starts: a crash from here on loses nothing the user typed. The question
   * follows `parentId` (the end of the active branch, or the point an edit branches from), and
   * the new answer becomes the active branch's end.
   */
  appendExchange(
    conversationId: string,
    parentId: string | null,
    userContent: string,
    modelId: string,
  ): { user: Message; assistant: Message } {
    return this.#db.transaction(() => {
      const userId = this.#insertMessage(conversationId, parentId, 'user', userContent, 'complete', null);
      const assistantId = this.#insertMessage(conversationId, userId, 'assistant', '', 'streaming', modelId);
      this.#setLeaf(conversationId, assistantId);
      const conversation = this.get(conversationId);
      if (conversation && conversation.title === UNTITLED) {
        this.#db.prepare('UPDATE conversations SET title = ? WHERE id = ?').run(titleFrom(userContent), conversationId);
      }
      return { user: this.#requireMessage(userId), assistant: this.#requireMessage(assistantId) };
    })();
  }

  /** A fresh streaming answer to `questionId` beside any earlier ones (regenerate). */
  appendAnswer(conversationId: string, questionId: string, modelId: string): Message {
    return this.#db.transaction(() => {
      const id = this.#insertMessage(conversationId, questionId, 'assistant', '', 'streaming', modelId);
      this.#setLeaf(conversationId, id);
      return this.#requireMessage(id);
    })();
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
           completion_tokens = ?, time_to_first_token_ms = ?, tokens_per_second = ?, context_source = ?,
           context_tokens = ?, context_ms = ?, context_rejected = ?, context_held = ?
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
        outcome.context?.source ?? null,
        outcome.context?.tokens ?? null,
        outcome.context?.ms ?? null,
        outcome.context?.rejected ?? null,
        outcome.context?.held ?? null,
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
    parentId: string | null,
    role: MessageRole,
    content: string,
    status: MessageStatus,
    modelId: string | null,
  ): string {
    const seq = this.#db
      .prepare<[string], { seq: number }>(
        'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM messages WHERE conversation_id = ?',
      )
      .get(conversationId)?.seq;
    const now = this.#now();
    const id = randomUUID();
    this.#db
      .prepare(
        `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, model_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, conversationId, parentId, seq ?? 1, role, content, status, modelId, now);
    this.#db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(now, conversationId);
    return id;
  }

  #requireMessage(id: string): Message {
    const message = this.getMessage(id);
    if (!message) throw new Error(`message ${id} vanished inside its own transaction`);
    return message;
  }

  #setLeaf(conversationId: string, leafId: string | null): void {
    this.#db.prepare('UPDATE conversations SET active_leaf_id = ? WHERE id = ?').run(leafId, conversationId);
  }

  /** Follows the newest child down from `messageId` to a leaf. */
  #newestDescendant(messageId: string): string {
    const row = this.#db
      .prepare<[string], { id: string }>(
        `WITH RECURSIVE down (id, depth) AS (
           SELECT ?, 0
           UNION ALL
           SELECT (SELECT c.id FROM messages c WHERE c.parent_id = down.id ORDER BY c.seq DESC LIMIT 1), depth + 1
           FROM down WHERE down.id IS NOT NULL
         )
         SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1`,
      )
      .get(messageId);
    return row?.id ?? messageId;
  }

  /** parent id (null for roots) → child ids, oldest first. */
  #siblingsByParent(conversationId: string): Map<string | null, string[]> {
    const map = new Map<string | null, string[]>();
    const rows = this.#db
      .prepare<[string], { id: string; parent_id: string | null }>(
        'SELECT id, parent_id FROM messages WHERE conversation_id = ? ORDER BY seq',
      )
      .all(conversationId);
    for (const row of rows) {
      const list = map.get(row.parent_id);
      if (list) list.push(row.id);
      else map.set(row.parent_id, [row.id]);
    }
    return map;
  }

  /** Every message of every branch, in the order they were written: parents before their replies. */
  treeMessages(conversationId: string): Message[] {
    const rows = this.#db
      .prepare<[string], MessageRow>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq')
      .all(conversationId);
    const siblings = this.#siblingsByParent(conversationId);
    return rows.map((row) => toMessage(row, siblings.get(row.parent_id) ?? [row.id]));
  }

  /** What the model saw for the conversation's questions that had sources, by message id. */
  modelContentsOf(conversationId: string): Map<string, string> {
    const rows = this.#db
      .prepare<[string], { id: string; model_content: string }>(
        'SELECT id, model_content FROM messages WHERE conversation_id = ? AND model_content IS NOT NULL',
      )
      .all(conversationId);
    return new Map(rows.map((row) => [row.id, row.model_content]));
  }

  /**
   * A conversation brought in from a file, in one transaction: every message gets a new id, the
   * tree and the active branch are kept. Parents must come before their replies. Any failure
   * rolls back everything, so a bad file leaves no half conversation behind.
   */
  insertImported(init: ImportedConversation): Conversation {
    return this.#db.transaction(() => {
      const now = this.#now();
      const conversationId = randomUUID();
      this.#db
        .prepare(
          `INSERT INTO conversations (id, title, created_at, updated_at, model_id, system_prompt, sampling_json)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          conversationId,
          init.title.trim() || UNTITLED,
          init.createdAt,
          now,
          init.modelId,
          init.systemPrompt,
          init.sampling ? JSON.stringify(init.sampling) : null,
        );
      const insert = this.#db.prepare(
        `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, stop_reason, detail,
           model_id, prompt_tokens, completion_tokens, time_to_first_token_ms, tokens_per_second, context_source,
           context_tokens, context_ms, context_rejected, model_content, sources_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const ids = new Map<string, string>();
      init.messages.forEach((message, index) => {
        const parentId = message.parentKey === null ? null : ids.get(message.parentKey);
        if (parentId === undefined) throw new Error(`message ${message.key} comes before its parent`);
        const id = randomUUID();
        ids.set(message.key, id);
        const { stats, context } = message;
        insert.run(
          id,
          conversationId,
          parentId,
          index + 1,
          message.role,
          message.content,
          message.status,
          message.stopReason,
          message.detail,
          message.modelId,
          stats?.promptTokens ?? null,
          stats?.completionTokens ?? null,
          stats?.timeToFirstTokenMs ?? null,
          stats?.tokensPerSecond ?? null,
          context?.source ?? null,
          context?.tokens ?? null,
          context?.ms ?? null,
          context?.rejected ?? null,
          message.modelContent,
          message.sources.length > 0 ? JSON.stringify(message.sources) : null,
          message.createdAt,
        );
      });
      const leaf = init.activeLeafKey === null ? null : (ids.get(init.activeLeafKey) ?? null);
      this.#setLeaf(conversationId, leaf);
      const conversation = this.get(conversationId);
      if (!conversation) throw new Error('the imported conversation vanished inside its own transaction');
      return conversation;
    })();
  }
}

/** A conversation to import: messages by keys local to the file, parents first. */
export interface ImportedConversation {
  title: string;
  createdAt: number;
  modelId: string | null;
  systemPrompt: string;
  sampling: Sampling | null;
  messages: readonly ImportedMessage[];
  activeLeafKey: string | null;
}

export interface ImportedMessage {
  key: string;
  parentKey: string | null;
  role: MessageRole;
  content: string;
  status: Exclude<MessageStatus, 'streaming'>;
  stopReason: StopReason | null;
  detail: string | null;
  modelId: string | null;
  stats: MessageStats | null;
  context: ContextPreparation | null;
  sources: readonly Citation[];
  /** The question as the model saw it, with its passages; null: the content itself. */
  modelContent: string | null;
  createdAt: number;
}

/** What the list shows of a conversation; no system prompt (see `list`). */
const SUMMARY_COLUMNS = `c.rowid AS row, c.id, c.title, c.updated_at, c.model_id, c.pinned_at,
  (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count`;

type SummaryRow = Pick<ConversationRow, 'id' | 'title' | 'updated_at' | 'model_id'> & {
  row: number;
  pinned_at: number | null;
  message_count: number;
};

function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    updatedAt: row.updated_at,
    modelId: row.model_id,
    messageCount: row.message_count,
    pinnedAt: row.pinned_at,
  };
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

function toMessage(row: MessageRow, siblingIds: string[]): Message {
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
    context:
      row.context_source === null
        ? null
        : {
            source: row.context_source,
            tokens: row.context_tokens ?? 0,
            ms: row.context_ms ?? 0,
            rejected: row.context_rejected,
            ...(row.context_held !== null && { held: row.context_held }),
          },
    sources: parseSources(row.sources_json),
    siblingIds,
    createdAt: row.created_at,
  };
}

function parseSources(json: string | null): Citation[] {
  if (json === null) return [];
  try {
    const parsed = z.array(CitationSchema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function titleFrom(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line || UNTITLED;
}
