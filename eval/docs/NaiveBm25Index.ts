import Database from 'better-sqlite3';
import { naiveWindows } from './naiveWindows.js';

export interface NaiveHit {
  documentId: string;
  startOffset: number;
  endOffset: number;
}

/**
 * The naive baseline: fixed windows of each document's extracted text in an in-memory FTS5 table
 * (same tokenizer as Hearth's index, no heading field), queried with every word of the question
 * OR-ed together and ranked by plain BM25. Measured beside Hearth so that structure-aware
 * chunking and query handling have to show they beat it.
 */
export class NaiveBm25Index {
  readonly #db = new Database(':memory:');

  constructor(readonly windowSize = 1000) {
    this.#db.exec(
      `CREATE VIRTUAL TABLE windows USING fts5 (
         text, document_id UNINDEXED, start_offset UNINDEXED, end_offset UNINDEXED,
         tokenize = 'porter unicode61 remove_diacritics 2'
       )`,
    );
  }

  add(documentId: string, text: string): void {
    const insert = this.#db.prepare(
      'INSERT INTO windows (text, document_id, start_offset, end_offset) VALUES (?, ?, ?, ?)',
    );
    this.#db.transaction(() => {
      for (const window of naiveWindows(text, this.windowSize)) {
        insert.run(window.text, documentId, window.start, window.end);
      }
    })();
  }

  search(question: string, limit: number): NaiveHit[] {
    const words = [...new Set((question.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase()))];
    if (words.length === 0) return [];
    return this.#db
      .prepare<[string, number], { document_id: string; start_offset: number; end_offset: number }>(
        `SELECT document_id, start_offset, end_offset FROM windows
         WHERE windows MATCH ? ORDER BY bm25(windows) LIMIT ?`,
      )
      .all(words.map((word) => `"${word}"`).join(' OR '), limit)
      .map((row) => ({ documentId: row.document_id, startOffset: row.start_offset, endOffset: row.end_offset }));
  }

  close(): void {
    this.#db.close();
  }
}
