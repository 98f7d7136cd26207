import type { Db } from './openDatabase.js';

export type StateKindStored = 'turn' | 'prompt';
export type Compression = 'none' | 'deflate';

/** A saved state's provenance and size, without its bytes. */
export interface StateRecord {
  id: number;
  kind: StateKindStored;
  conversationId: string | null;
  messageId: string | null;
  promptKey: string | null;
  fingerprint: string;
  engineBuild: string;
  contextSize: number;
  tokenCount: number;
  byteSize: number;
  storedSize: number;
  compression: Compression;
  sha256: string;
  /** Hash chain of the history a turn state covers (historyHashes); null for prompt states and old rows. */
  historyHash: string | null;
  createdAt: number;
  lastUsedAt: number;
}

export type NewState = Omit<StateRecord, 'id' | 'createdAt' | 'lastUsedAt'> & { data: Buffer };

interface StateRow {
  id: number;
  kind: StateKindStored;
  conversation_id: string | null;
  message_id: string | null;
  prompt_key: string | null;
  model_fingerprint: string;
  engine_build: string;
  context_size: number;
  token_count: number;
  byte_size: number;
  stored_size: number;
  compression: Compression;
  sha256: string;
  history_hash: string | null;
  created_at: number;
  last_used_at: number;
  data?: Buffer;
}

/** A state's metadata; its last use is the newest of when it was stored and when it was last used. */
const META_COLUMNS = `id, kind, conversation_id, message_id, prompt_key, model_fingerprint, engine_build, context_size,
  token_count, byte_size, stored_size, compression, sha256, history_hash, created_at,
  MAX(states.last_used_at, COALESCE(u.last_used_at, 0)) AS last_used_at`;
const META_FROM = 'states LEFT JOIN state_uses u ON u.state_id = states.id';

/**
 * Saved engine states: the only SQL for them. Rows hang off their message or conversation
 * (foreign keys cascade), and a budget evicts the least recently used.
 */
export class StateStore {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /** Saves a state; a message or prompt key has at most one (the newest replaces the older). */
  put(state: NewState): number {
    const now = this.#now();
    return this.#db.transaction(() => {
      if (state.kind === 'turn')
        this.#db.prepare("DELETE FROM states WHERE kind = 'turn' AND message_id = ?").run(state.messageId);
      else this.#db.prepare("DELETE FROM states WHERE kind = 'prompt' AND prompt_key = ?").run(state.promptKey);
      const result = this.#db
        .prepare(
          `INSERT INTO states (kind, conversation_id, message_id, prompt_key, model_fingerprint, engine_build, context_size,
             token_count, byte_size, stored_size, compression, sha256, history_hash, data, created_at, last_used_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          state.kind,
          state.conversationId,
          state.messageId,
          state.promptKey,
          state.fingerprint,
          state.engineBuild,
          state.contextSize,
          state.tokenCount,
          state.byteSize,
          state.storedSize,
          state.compression,
          state.sha256,
          state.historyHash,
          state.data,
          now,
          now,
        );
      return Number(result.lastInsertRowid);
    })();
  }

  /** The turn states of these messages, newest message first (the order given), without bytes. */
  turnStatesFor(messageIds: readonly string[]): StateRecord[] {
    if (messageIds.length === 0) return [];
    const rows = this.#db
      .prepare<string[], StateRow>(
        `SELECT ${META_COLUMNS} FROM ${META_FROM} WHERE kind = 'turn' AND message_id IN (${messageIds.map(() => '?').join(',')})`,
      )
      .all(...messageIds);
    const byMessage = new Map(rows.map((row) => [row.message_id, toRecord(row)]));
    return messageIds.flatMap((id) => byMessage.get(id) ?? []);
  }

  /** Keyed states of a family (keys starting with `family`) beyond the `keep` most recently used. */
  keyedBeyond(family: string, keep: number): number[] {
    return this.#db
      .prepare<{ family: string; keep: number }, { id: number }>(
        `SELECT id FROM (SELECT states.id AS id, MAX(states.last_used_at, COALESCE(u.last_used_at, 0)) AS used
           FROM ${META_FROM} WHERE kind = 'prompt' AND substr(prompt_key, 1, length(@family)) = @family)
         ORDER BY used DESC, id DESC LIMIT -1 OFFSET @keep`,
      )
      .all({ family, keep })
      .map((row) => row.id);
  }

  promptState(promptKey: string): StateRecord | undefined {
    const row = this.#db
      .prepare<[string], StateRow>(`SELECT ${META_COLUMNS} FROM ${META_FROM} WHERE kind = 'prompt' AND prompt_key = ?`)
      .get(promptKey);
    return row && toRecord(row);
  }

  data(id: number): Buffer | undefined {
    return this.#db.prepare<[number], { data: Buffer }>('SELECT data FROM states WHERE id = ?').get(id)?.data;
  }

  /** Which of these state ids are still stored. */
  existing(ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set();
    const rows = this.#db
      .prepare<number[], { id: number }>(`SELECT id FROM states WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids);
    return new Set(rows.map((row) => row.id));
  }

  /** Marks a state as used now (in its own small row: the state's row holds megabytes). */
  touch(id: number): void {
    this.#db
      .prepare(
        `INSERT INTO state_uses (state_id, last_used_at) SELECT id, ? FROM states WHERE id = ?
         ON CONFLICT (state_id) DO UPDATE SET last_used_at = excluded.last_used_at`,
      )
      .run(this.#now(), id);
  }

  delete(id: number): void {
    this.#db.prepare('DELETE FROM states WHERE id = ?').run(id);
  }

  /** Keeps the turn states of only the newest `keep` of these messages (a branch, root first). */
  pruneBranch(branchMessageIds: readonly string[], keep: number): number {
    const withState = this.turnStatesFor([...branchMessageIds].reverse());
    const doomed = withState.slice(keep);
    const remove = this.#db.prepare('DELETE FROM states WHERE id = ?');
    this.#db.transaction(() => doomed.forEach((state) => remove.run(state.id)))();
    return doomed.length;
  }

  /** Deletes least recently used states until the total fits `budgetBytes`. */
  enforceBudget(budgetBytes: number): number {
    let total = this.totalBytes();
    if (total <= budgetBytes) return 0;
    const rows = this.#db
      .prepare<[], { id: number; stored_size: number }>(
        `SELECT id, stored_size FROM ${META_FROM}
         ORDER BY MAX(states.last_used_at, COALESCE(u.last_used_at, 0)), id`,
      )
      .all();
    const remove = this.#db.prepare('DELETE FROM states WHERE id = ?');
    let removed = 0;
    this.#db.transaction(() => {
      for (const row of rows) {
        if (total <= budgetBytes) break;
        remove.run(row.id);
        total -= row.stored_size;
        removed++;
      }
    })();
    return removed;
  }

  /** Deletes one conversation's states, or every state. */
  purge(conversationId?: string): number {
    const result =
      conversationId === undefined
        ? this.#db.prepare('DELETE FROM states').run()
        : this.#db.prepare('DELETE FROM states WHERE conversation_id = ?').run(conversationId);
    return result.changes;
  }

  /** Deletes every state saved with this model file; returns how many. */
  deleteForModel(fingerprint: string): number {
    return this.#db.prepare('DELETE FROM states WHERE model_fingerprint = ?').run(fingerprint).changes;
  }

  totalBytes(): number {
    return (
      this.#db.prepare<[], { total: number }>('SELECT COALESCE(SUM(stored_size), 0) AS total FROM states').get()
        ?.total ?? 0
    );
  }

  usage(): {
    totalBytes: number;
    promptCacheBytes: number;
    conversations: { conversationId: string; title: string; bytes: number; count: number }[];
  } {
    const conversations = this.#db
      .prepare<[], { conversation_id: string; title: string; bytes: number; count: number }>(
        `SELECT s.conversation_id, c.title, SUM(s.stored_size) AS bytes, COUNT(*) AS count
         FROM states s JOIN conversations c ON c.id = s.conversation_id
         WHERE s.kind = 'turn' GROUP BY s.conversation_id ORDER BY bytes DESC`,
      )
      .all()
      .map((row) => ({ conversationId: row.conversation_id, title: row.title, bytes: row.bytes, count: row.count }));
    const promptCacheBytes =
      this.#db
        .prepare<[], { total: number }>(
          "SELECT COALESCE(SUM(stored_size), 0) AS total FROM states WHERE kind = 'prompt'",
        )
        .get()?.total ?? 0;
    return { totalBytes: this.totalBytes(), promptCacheBytes, conversations };
  }

  /**
   * Hands pages freed by deletions back to the file system: the deletions and the vacuum land in
   * the write-ahead log first, so the log is checkpointed into the file and truncated too.
   */
  shrink(): void {
    this.#db.pragma('incremental_vacuum');
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

function toRecord(row: StateRow): StateRecord {
  return {
    id: row.id,
    kind: row.kind,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    promptKey: row.prompt_key,
    fingerprint: row.model_fingerprint,
    engineBuild: row.engine_build,
    contextSize: row.context_size,
    tokenCount: row.token_count,
    byteSize: row.byte_size,
    storedSize: row.stored_size,
    compression: row.compression,
    sha256: row.sha256,
    historyHash: row.history_hash,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
