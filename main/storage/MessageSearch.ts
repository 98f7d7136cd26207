import type { ConversationSearchHit, MessageRole } from '../../contract/index.js';
import type { Db } from './openDatabase.js';
import { searchSnippet } from './searchSnippet.js';

/** The trigram index finds terms of three characters or more; shorter ones are matched by a scan. */
const TRIGRAM = 3;

interface MessageRow {
  conversation_id: string;
  title: string;
  message_id: string;
  role: MessageRole;
  content: string;
  created_at: number;
}

/**
 * Search over conversation titles and the text of every message on every branch (migration 0014:
 * FTS5 with the trigram tokenizer, so Chinese and mixed text match as substrings). A query is
 * split at spaces into terms that must all occur; each term is matched as plain text — quotes,
 * stars and FTS5 operators in it are searched for, never interpreted.
 */
export class MessageSearch {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  search(query: string, limit = 50): ConversationSearchHit[] {
    const terms = [...new Set(query.trim().split(/\s+/).filter(Boolean))];
    if (terms.length === 0) return [];
    const titles = this.#titles(terms, limit);
    const messages = this.#messages(terms, limit - titles.length);
    return [...titles, ...messages];
  }

  #titles(terms: readonly string[], limit: number): ConversationSearchHit[] {
    const where = terms.map(() => 'instr(lower(title), lower(?)) > 0').join(' AND ');
    return this.#db
      .prepare<string[], { id: string; title: string; updated_at: number }>(
        `SELECT id, title, updated_at FROM conversations WHERE ${where} ORDER BY updated_at DESC LIMIT ${Math.max(0, Math.floor(limit))}`,
      )
      .all(...terms)
      .map((row) => ({
        conversationId: row.id,
        title: row.title,
        messageId: null,
        role: null,
        snippet: searchSnippet(row.title, terms),
        at: row.updated_at,
      }));
  }

  #messages(terms: readonly string[], limit: number): ConversationSearchHit[] {
    if (limit <= 0) return [];
    const indexed = terms.filter((term) => [...term].length >= TRIGRAM);
    const scanned = terms.filter((term) => [...term].length < TRIGRAM);
    const scan = scanned.map(() => 'instr(lower(m.content), lower(?)) > 0');
    const columns = `m.conversation_id, c.title, m.id AS message_id, m.role, m.content, m.created_at`;
    const rows =
      indexed.length > 0
        ? this.#db
            .prepare<(string | number)[], MessageRow>(
              `SELECT ${columns} FROM messages_fts f
                 JOIN messages m ON m.rowid = f.rowid JOIN conversations c ON c.id = m.conversation_id
               WHERE messages_fts MATCH ? ${scan.map((clause) => `AND ${clause}`).join(' ')}
               ORDER BY f.rank LIMIT ?`,
            )
            .all(ftsQuery(indexed), ...scanned, limit)
        : this.#db
            .prepare<(string | number)[], MessageRow>(
              `SELECT ${columns} FROM messages m JOIN conversations c ON c.id = m.conversation_id
               WHERE ${scan.join(' AND ')} ORDER BY m.created_at DESC LIMIT ?`,
            )
            .all(...scanned, limit);
    return rows.map((row) => ({
      conversationId: row.conversation_id,
      title: row.title,
      messageId: row.message_id,
      role: row.role,
      snippet: searchSnippet(row.content, terms),
      at: row.created_at,
    }));
  }
}

/** Each term as an FTS5 string (its quotes doubled): a substring to find, all of them required. */
function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}
