import type { ChunkHit, DocumentChunk, DocumentStatus, ExtractedDocument } from '../../contract/index.js';
import type { Db } from './openDatabase.js';
import { informativeAny, keywordQuery } from './keywordQuery.js';
import { VectorIndex } from './VectorIndex.js';

export type { ChunkHit };

export interface DocumentRecord {
  id: string;
  collectionId: string | null;
  path: string;
  fileName: string;
  sizeBytes: number;
  contentHash: string;
  kind: string | null;
  title: string | null;
  pageCount: number | null;
  status: DocumentStatus;
  errorCode: string | null;
  error: string | null;
  /** The error as a catalog key and values (JSON); null for rows failed before keys were stored. */
  errorText: string | null;
  chunkChars: number;
  chunkOverlap: number;
  chunksTotal: number;
  chunksIndexed: number;
  createdAt: number;
  updatedAt: number;
}

export type NewDocument = Pick<
  DocumentRecord,
  'id' | 'collectionId' | 'path' | 'fileName' | 'sizeBytes' | 'contentHash' | 'chunkChars' | 'chunkOverlap'
>;

interface DocumentRow {
  id: string;
  collection_id: string | null;
  path: string;
  file_name: string;
  size_bytes: number;
  content_hash: string;
  kind: string | null;
  title: string | null;
  page_count: number | null;
  status: DocumentStatus;
  error_code: string | null;
  error: string | null;
  error_text: string | null;
  chunk_chars: number;
  chunk_overlap: number;
  chunks_total: number;
  chunks_indexed: number;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  collectionId: row.collection_id,
  path: row.path,
  fileName: row.file_name,
  sizeBytes: row.size_bytes,
  contentHash: row.content_hash,
  kind: row.kind,
  title: row.title,
  pageCount: row.page_count,
  status: row.status,
  errorCode: row.error_code,
  error: row.error,
  errorText: row.error_text,
  chunkChars: row.chunk_chars,
  chunkOverlap: row.chunk_overlap,
  chunksTotal: row.chunks_total,
  chunksIndexed: row.chunks_indexed,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

interface ChunkRow {
  id: number;
  document_id: string;
  ordinal: number;
  text: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  heading_path: string;
}

const chunkFromRow = (row: ChunkRow): Omit<ChunkHit, 'bm25'> => ({
  chunkId: row.id,
  documentId: row.document_id,
  ordinal: row.ordinal,
  text: row.text,
  startOffset: row.start_offset,
  endOffset: row.end_offset,
  page: row.page,
  headingPath: JSON.parse(row.heading_path) as string[],
});

/** Documents, their text and chunks, and the full-text index: the only SQL for documents. */
export class DocumentStore {
  readonly #db: Db;
  readonly #now: () => number;
  /** The chunks' vectors, searchable through sqlite-vec (loaded on first use). */
  readonly vectors: VectorIndex;

  constructor(db: Db, now: () => number = Date.now, vectors: VectorIndex = new VectorIndex(db)) {
    this.#db = db;
    this.#now = now;
    this.vectors = vectors;
  }

  /** The database file, for further connections (the search threads); null for an in-memory database. */
  get databasePath(): string | null {
    return this.#db.memory ? null : this.#db.name;
  }

  /** The document with this content in this collection, if one was imported before. */
  findByContent(collectionId: string | null, contentHash: string): DocumentRecord | null {
    const row = this.#db
      .prepare<[string, string], DocumentRow>(
        "SELECT * FROM documents WHERE ifnull(collection_id, '') = ? AND content_hash = ?",
      )
      .get(collectionId ?? '', contentHash);
    return row ? fromRow(row) : null;
  }

  add(document: NewDocument): DocumentRecord {
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT INTO documents (id, collection_id, path, file_name, size_bytes, content_hash, status, chunk_chars,
           chunk_overlap, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
      )
      .run(
        document.id,
        document.collectionId,
        document.path,
        document.fileName,
        document.sizeBytes,
        document.contentHash,
        document.chunkChars,
        document.chunkOverlap,
        now,
        now,
      );
    return this.get(document.id) as DocumentRecord;
  }

  get(id: string): DocumentRecord | null {
    const row = this.#db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  list(): DocumentRecord[] {
    return this.#db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY created_at, id').all().map(fromRow);
  }

  /** Documents an earlier run left unfinished, oldest first. */
  unfinished(): DocumentRecord[] {
    return this.#db
      .prepare<[], DocumentRow>(
        "SELECT * FROM documents WHERE status IN ('queued', 'extracting', 'indexing') ORDER BY created_at, id",
      )
      .all()
      .map(fromRow);
  }

  setStatus(
    id: string,
    status: DocumentStatus,
    error: { code: string; message: string; text?: unknown } | null = null,
  ): DocumentRecord | null {
    this.#db
      .prepare(
        'UPDATE documents SET status = ?, error_code = ?, error = ?, error_text = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        status,
        error?.code ?? null,
        error?.message ?? null,
        error?.text === undefined ? null : JSON.stringify(error.text),
        this.#now(),
        id,
      );
    return this.get(id);
  }

  /** The page count as soon as the reader knows it, so progress can show a share of pages. */
  setPageCount(id: string, pageCount: number): void {
    this.#db.prepare('UPDATE documents SET page_count = ? WHERE id = ?').run(pageCount, id);
  }

  /**
   * Stores what extraction found: the text (for citations) and the document's facts. Chunks that
   * an interrupted run wrote stay: they came from the same content (the hash is the same).
   */
  saveExtraction(id: string, document: ExtractedDocument, chunksTotal: number): void {
    this.#db.transaction(() => {
      this.#db
        .prepare('INSERT OR REPLACE INTO document_texts (document_id, text) VALUES (?, ?)')
        .run(id, document.text);
      this.#db
        .prepare(
          `UPDATE documents SET kind = ?, title = ?, page_count = ?, chunks_total = ?, status = 'indexing', updated_at = ?
           WHERE id = ?`,
        )
        .run(document.kind, document.title, document.pageCount, chunksTotal, this.#now(), id);
    })();
  }

  /** Writes a batch of chunks and the progress in one transaction; chunks already there are kept. */
  addChunks(id: string, chunks: readonly DocumentChunk[]): number {
    const insert = this.#db.prepare(
      `INSERT OR IGNORE INTO chunks (document_id, ordinal, text, start_offset, end_offset, page, heading_path)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.#db.transaction(() => {
      for (const chunk of chunks) {
        insert.run(
          id,
          chunk.ordinal,
          chunk.text,
          chunk.startOffset,
          chunk.endOffset,
          chunk.page,
          JSON.stringify(chunk.headingPath),
        );
      }
      const indexed = this.chunkCount(id);
      this.#db
        .prepare('UPDATE documents SET chunks_indexed = ?, updated_at = ? WHERE id = ?')
        .run(indexed, this.#now(), id);
      return indexed;
    })();
  }

  chunkCount(id: string): number {
    return this.#db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM chunks WHERE document_id = ?').get(id)!
      .n;
  }

  text(id: string): string | null {
    return (
      this.#db.prepare<[string], { text: string }>('SELECT text FROM document_texts WHERE document_id = ?').get(id)
        ?.text ?? null
    );
  }

  /** Deletes a document with its chunks and their vectors (the vector index follows at once). */
  remove(id: string): boolean {
    const removed = this.#db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
    if (removed) this.vectors.catchUp();
    return removed;
  }

  /**
   * BM25 search over chunk text and headings, best first, optionally within some documents:
   * passages holding every content word of the question first, then passages holding any of
   * them (see keywordQuery: function words dropped, every word quoted so FTS5 syntax in a question
   * is never an operator).
   */
  search(question: string, limit: number, documentIds: readonly string[] | null = null): ChunkHit[] {
    const query = keywordQuery(question);
    if (!query || documentIds?.length === 0) return [];
    const hits = this.#match(query.all, limit, documentIds);
    if (hits.length >= limit || !query.any) return hits;
    const seen = new Set(hits.map((hit) => hit.chunkId));
    const fallback = (match: string) => [
      ...hits,
      ...this.#match(match, limit, documentIds).filter((hit) => !seen.has(hit.chunkId)),
    ];
    // Without the words in most passages first: the same top passages, unless too few passages
    // hold another word — then the full fallback fills the list as before.
    const informative = informativeAny(query, this.#passageTotal(), (terms) => this.#holding(terms));
    const found = informative ? fallback(informative) : [];
    return (found.length >= limit ? found : fallback(query.any)).slice(0, limit);
  }

  /**
   * The best `limit` passages for one FTS5 query. Within chosen documents that hold a large share
   * of all passages, the unfiltered top few hundred, filtered, already hold the answer (any
   * chosen passage outside them ranks below every one of them); otherwise, or when too few are
   * left, the chosen documents' passages are a rowid set inside the FTS query itself, whose cost
   * grows with their number.
   */
  #match(match: string, limit: number, documentIds: readonly string[] | null): ChunkHit[] {
    if (!documentIds) return this.#ranked(match, limit, null);
    const share = this.#shareOfPassages(documentIds);
    if (share >= 0.2) {
      const fetched = Math.min(1000, Math.ceil((limit * 2) / share));
      const hits = this.#ranked(match, fetched, null);
      const chosen = new Set(documentIds);
      const kept = hits.filter((hit) => chosen.has(hit.documentId));
      if (kept.length >= limit || hits.length < fetched) return kept.slice(0, limit);
    }
    return this.#ranked(match, limit, documentIds);
  }

  /**
   * Ranked inside FTS5 first, then only the top `limit` rows joined to `chunks`: a question's words
   * match most passages of a large index, and reading every matching chunk row (its text) to sort
   * them cost more than the ranking itself. The `+` before `rowid` keeps SQLite from handing FTS5
   * the document filter as rowid lookups, which re-runs the whole MATCH once per passage of the
   * chosen documents (0.6 to 1.8 s for one document at 100k passages).
   */
  #ranked(match: string, limit: number, documentIds: readonly string[] | null): ChunkHit[] {
    const within = documentIds
      ? `AND +rowid IN (SELECT id FROM chunks WHERE document_id IN (${documentIds.map(() => '?').join(', ')}))`
      : '';
    const rows = this.#db
      .prepare<unknown[], ChunkRow & { score: number }>(
        `SELECT c.id, c.document_id, c.ordinal, c.text, c.start_offset, c.end_offset, c.page, c.heading_path, f.score
         FROM (SELECT rowid, bm25(chunks_fts, 1.0, 0.5) AS score FROM chunks_fts
               WHERE chunks_fts MATCH ? ${within}
               ORDER BY score LIMIT ?) AS f
         JOIN chunks c ON c.id = f.rowid
         ORDER BY f.score`,
      )
      .all(match, ...(documentIds ?? []), limit);
    return rows.map((row) => ({ ...chunkFromRow(row), bm25: row.score }));
  }

  /** Passages in the full-text index, from the documents' own counts. */
  #passageTotal(): number {
    return (
      this.#db.prepare<[], { total: number | null }>('SELECT sum(chunks_indexed) AS total FROM documents').get()
        ?.total ?? 0
    );
  }

  /** How many passages hold each of these index terms (terms no passage holds are left out). */
  #holding(terms: readonly string[]): Map<string, number> {
    const rows = this.#db
      .prepare<string[], { term: string; doc: number }>(
        `SELECT term, doc FROM chunks_vocab WHERE term IN (${terms.map(() => '?').join(', ')})`,
      )
      .all(...terms);
    return new Map(rows.map((row) => [row.term, row.doc]));
  }

  /** The chosen documents' share of all indexed passages, from the documents' own counts. */
  #shareOfPassages(documentIds: readonly string[]): number {
    const { chosen, total } = this.#db
      .prepare<unknown[], { chosen: number | null; total: number | null }>(
        `SELECT sum(CASE WHEN id IN (${documentIds.map(() => '?').join(', ')}) THEN chunks_indexed END) AS chosen,
                sum(chunks_indexed) AS total
         FROM documents`,
      )
      .get(...documentIds)!;
    return total ? (chosen ?? 0) / total : 0;
  }

  collections(): { id: string; name: string; createdAt: number }[] {
    return this.#db
      .prepare<[], { id: string; name: string; created_at: number }>(
        'SELECT id, name, created_at FROM collections ORDER BY name',
      )
      .all()
      .map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  /** A collection by name: the existing one when the name is taken. */
  createCollection(id: string, name: string): { id: string; name: string; createdAt: number } {
    this.#db
      .prepare('INSERT INTO collections (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING')
      .run(id, name, this.#now());
    return this.collections().find((collection) => collection.name === name)!;
  }

  /** One chunk with its document's name, for a citation. */
  chunk(chunkId: number): (Omit<ChunkHit, 'bm25'> & { fileName: string; title: string | null }) | null {
    const row = this.#db
      .prepare<[number], ChunkRow & { file_name: string; title: string | null }>(
        `SELECT c.*, d.file_name, d.title FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id = ?`,
      )
      .get(chunkId);
    if (!row) return null;
    return { ...chunkFromRow(row), fileName: row.file_name, title: row.title };
  }

  /** Chunks of indexed documents without a vector from this embedding model, oldest first. */
  chunksToEmbed(model: string, limit: number): { id: number; text: string; headingPath: string }[] {
    return this.#db
      .prepare<[string, number], { id: number; text: string; heading_path: string }>(
        `SELECT c.id, c.text, c.heading_path FROM chunks c
         JOIN documents d ON d.id = c.document_id AND d.status = 'indexed'
         LEFT JOIN chunk_embeddings e ON e.chunk_id = c.id AND e.model = ?
         WHERE e.chunk_id IS NULL ORDER BY c.id LIMIT ?`,
      )
      .all(model, limit)
      .map((row) => ({ id: row.id, text: row.text, headingPath: row.heading_path }));
  }

  /** Stores vectors (replacing another model's for the same chunk) and indexes them, in one transaction. */
  saveEmbeddings(model: string, rows: readonly { chunkId: number; vector: Float32Array }[]): void {
    const upsert = this.#db.prepare(
      `INSERT INTO chunk_embeddings (chunk_id, model, dims, vector) VALUES (?, ?, ?, ?)
       ON CONFLICT (chunk_id) DO UPDATE SET model = excluded.model, dims = excluded.dims, vector = excluded.vector`,
    );
    this.#db.transaction(() => {
      for (const { chunkId, vector } of rows) {
        upsert.run(chunkId, model, vector.length, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
      }
      const dims = rows[0]?.vector.length;
      if (dims !== undefined) this.vectors.catchUp(model, dims);
    })();
  }

  /** A document's chunks in reading order. */
  chunksOf(documentId: string): ChunkHit[] {
    return this.#db
      .prepare<[string], ChunkRow>('SELECT * FROM chunks WHERE document_id = ? ORDER BY ordinal')
      .all(documentId)
      .map((row) => ({ ...chunkFromRow(row), bm25: 0 }));
  }

  /** Chunks by id, in the order given (for ranked results). */
  chunksByIds(ids: readonly number[]): ChunkHit[] {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare<number[], ChunkRow>(`SELECT * FROM chunks WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ ...chunkFromRow(row), bm25: 0 }] : [];
    });
  }

  /** Table and index sizes, for the benchmark and the settings page. */
  chunkTotal(): number {
    return this.#db.prepare<[], { n: number }>('SELECT count(*) AS n FROM chunks').get()!.n;
  }
}
