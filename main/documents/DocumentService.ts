import { createHash, randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import {
  AppError,
  DEFAULT_CHUNKING,
  type ChunkingOptions,
  type DocumentKind,
  type DocumentSummary,
  type ImportOutcome,
  type SearchHit,
  ExtractionErrorCodeSchema,
  isDiskFull,
  toErrorValue,
} from '../../contract/index.js';
import { LocalizedTextSchema, type LocalizedText } from '../../contract/i18n/index.js';
import type { EngineLauncher } from '../engine/transport/EngineTransport.js';
import type { DocumentRecord, DocumentStore } from '../storage/DocumentStore.js';
import { chunkDocument } from './chunk/chunkDocument.js';
import { ExtractionError } from './extract/ExtractionError.js';
import { MAX_DOCUMENT_BYTES } from './documentLimits.js';
import { openDocumentFile } from './openDocumentFile.js';
import { RERANK_CANDIDATES, rerankHits, type Reranker } from './rerankHits.js';
import { SearchThreads } from './search/SearchThreads.js';
import { runExtractWorker, type ExtractionRun } from './extract/worker/runExtractWorker.js';

export interface DocumentServiceOptions {
  store: DocumentStore;
  launcher: EngineLauncher;
  /** A document changed (status, progress) or was removed. */
  changed: (document: DocumentSummary | null, removedId: string | null) => void;
  chunking?: () => ChunkingOptions;
  /** The embedding model set in Settings, or null (BM25 only). Read at each use: it may change. */
  embedder?: () => Embedder | null;
  /** The reranking model set in Settings, or null (fused order). Read at each search. */
  reranker?: () => Reranker | null;
  /** Embedding failures are not import failures (BM25 still works); they are reported here. */
  log?: (line: string) => void;
  /** Chunks written per transaction: progress is visible and a crash loses at most one batch. */
  batchSize?: number;
}

/** Embeddings for retrieval; `key` names the model (vectors of another model are not comparable). */
export interface Embedder {
  key: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Reciprocal-rank fusion's constant: rank r contributes 1 / (K + r). */
const RRF_K = 60;
/** Candidates each ranking contributes before fusion. */
const CANDIDATES = 50;
const EMBED_BATCH = 16;
const MB = 1024 * 1024;

/**
 * Document import and retrieval. Files are imported one at a time, in order: hashed (an unchanged
 * file is not imported again), read in the extraction worker (never in main), chunked along
 * their structure, and indexed in batches. Every step is recorded in SQLite first, so a quit or
 * a crash anywhere leaves a row that `resumeUnfinished()` continues at the next start.
 */
export class DocumentService {
  readonly #o: Required<DocumentServiceOptions>;
  readonly #queue: string[] = [];
  readonly #pages = new Map<string, number>();
  #running: { id: string; run: ExtractionRun | null; cancelled: boolean } | null = null;
  #pump: Promise<void> = Promise.resolve();
  #closed = false;
  #embedding: Promise<void> | null = null;
  #vectorsOffLogged = false;
  /** Where BM25 and vector searches run: off main's event loop, side by side. */
  readonly searches: SearchThreads;

  constructor(options: DocumentServiceOptions) {
    this.#o = {
      chunking: () => DEFAULT_CHUNKING,
      batchSize: 200,
      embedder: () => null,
      reranker: () => null,
      log: (line) => console.warn(`[hearth] ${line}`),
      ...options,
    };
    this.searches = new SearchThreads(this.#o.store, this.#o.log);
  }

  list(): DocumentSummary[] {
    return this.#o.store.list().map((record) => this.#summary(record));
  }

  /** Queues files; each gets its own outcome, and one bad path never stops the others. */
  async import(paths: readonly string[], collectionId: string | null): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const path of paths) {
      try {
        outcomes.push(await this.#enqueue(path, collectionId));
      } catch (error) {
        outcomes.push({ path, outcome: 'refused', documentId: null, ...refusal(error) });
      }
    }
    this.#drain();
    return outcomes;
  }

  /** At start: continues imports an earlier run left unfinished, in their order. */
  resumeUnfinished(): void {
    for (const record of this.#o.store.unfinished()) this.#queue.push(record.id);
    this.#drain();
    void this.embedPending();
  }

  cancel(documentId: string): DocumentSummary {
    const record = this.#require(documentId);
    if (record.status === 'indexed' || record.status === 'failed') return this.#summary(record);
    const index = this.#queue.indexOf(documentId);
    if (index >= 0) this.#queue.splice(index, 1);
    if (this.#running?.id === documentId) {
      this.#running.cancelled = true;
      this.#running.run?.cancel();
    }
    return this.#emit(this.#o.store.setStatus(documentId, 'cancelled'));
  }

  async delete(documentId: string): Promise<boolean> {
    if (this.#o.store.get(documentId) && this.#running?.id === documentId) {
      this.cancel(documentId);
      await this.#pump;
    }
    const removed = this.#o.store.remove(documentId);
    if (removed) this.#o.changed(null, documentId);
    return removed;
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running || this.#queue.length > 0) await this.#pump;
  }

  /** Stops the current file's worker; its row stays unfinished and continues at the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#queue.length = 0;
    this.#running?.run?.cancel();
    await this.#pump;
    await this.#embedding;
    await this.searches.close();
  }

  /**
   * The best passages for a question: BM25 over chunk text and headings and, when an embedding
   * model is set, cosine similarity over the chunks' vectors, fused by reciprocal rank (each
   * ranking's r-th candidate adds 1 / (60 + r)), so neither score scale has to be calibrated.
   * With a reranker, the fused top candidates are reordered by it and carry its relevance.
   * The two searches run side by side in the search threads, the question's embedding overlapping
   * BM25 too.
   */
  async search(query: string, options: { documentIds?: readonly string[]; limit?: number } = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? 8;
    const within = options.documentIds ?? null;
    const [keyword, semantic] = await Promise.all([
      this.searches.keyword(query, CANDIDATES, within),
      this.#semanticRanking(query, within),
    ]);
    const fused = new Map<number, number>();
    for (const ranking of [keyword.map((hit) => hit.chunkId), semantic]) {
      ranking.forEach((chunkId, rank) => fused.set(chunkId, (fused.get(chunkId) ?? 0) + 1 / (RRF_K + rank + 1)));
    }
    const reranker = this.#o.reranker();
    const pool = reranker ? Math.max(limit, RERANK_CANDIDATES) : limit;
    const best = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, pool);
    const known = new Map(keyword.map((hit) => [hit.chunkId, hit]));
    const missing = best.map(([id]) => id).filter((id) => !known.has(id));
    for (const hit of this.#o.store.chunksByIds(missing)) known.set(hit.chunkId, hit);
    const documents = new Map(this.#o.store.list().map((d) => [d.id, d]));
    const hits = best.flatMap(([chunkId, score]): SearchHit[] => {
      const hit = known.get(chunkId);
      if (!hit) return [];
      const document = documents.get(hit.documentId);
      return [
        {
          chunkId,
          documentId: hit.documentId,
          fileName: document?.fileName ?? '',
          title: document?.title ?? null,
          page: hit.page,
          headingPath: hit.headingPath,
          text: hit.text,
          startOffset: hit.startOffset,
          endOffset: hit.endOffset,
          score,
        },
      ];
    });
    return rerankHits(query, hits, reranker, limit, this.#o.log);
  }

  /** Chunk ids by cosine similarity to the question, from the sqlite-vec index (see VectorIndex). */
  async #semanticRanking(query: string, within: readonly string[] | null): Promise<number[]> {
    const embedder = this.#o.embedder();
    if (!embedder) return [];
    const vectors = this.#o.store.vectors;
    const unavailable = vectors.unavailable;
    if (unavailable) {
      if (!this.#vectorsOffLogged) this.#o.log(`semantic search is off (${unavailable}); keyword search only`);
      this.#vectorsOffLogged = true;
      return [];
    }
    if (!vectors.has(embedder.key)) return []; // nothing to compare with: the question is not embedded
    let question: Float32Array | undefined;
    try {
      [question] = await embedder.embed([query]);
    } catch (error) {
      // An embedding model that is gone or broken must not take keyword search down with it.
      this.#o.log(`the question was not embedded: ${(error as Error).message}; keyword search only`);
      return [];
    }
    return question ? this.searches.nearest(embedder.key, question, CANDIDATES, within) : [];
  }

  /**
   * Gives every indexed chunk a vector from the current embedding model, in batches, oldest
   * first. Runs after each import and when the model changes; a restart continues with the
   * chunks that still have none, so nothing is embedded twice.
   */
  embedPending(): Promise<void> {
    this.#embedding ??= this.#embedLoop().finally(() => {
      this.#embedding = null;
    });
    return this.#embedding;
  }

  async #embedLoop(): Promise<void> {
    for (;;) {
      const embedder = this.#o.embedder();
      if (!embedder || this.#closed) return;
      const batch = this.#o.store.chunksToEmbed(embedder.key, EMBED_BATCH);
      if (batch.length === 0) return;
      try {
        const vectors = await embedder.embed(batch.map((chunk) => `${headingLine(chunk.headingPath)}${chunk.text}`));
        this.#o.store.saveEmbeddings(
          embedder.key,
          batch.flatMap((chunk, index) => {
            const vector = vectors[index];
            return vector ? [{ chunkId: chunk.id, vector }] : [];
          }),
        );
      } catch (error) {
        this.#o.log(`embedding stopped: ${(error as Error).message}; BM25 search still works`);
        return;
      }
    }
  }

  /** A chunk with some of the document's text on each side, for the passage view. */
  passage(chunkId: number, documentId?: string, contextChars = 600): { hit: SearchHit; before: string; after: string } {
    const chunk = this.#o.store.chunk(chunkId);
    // A citation names its document: the same chunk id in another document is not its source.
    if (!chunk || (documentId !== undefined && chunk.documentId !== documentId))
      throw AppError.localized('not_found', 'errorPassageGone', undefined, 'documents');
    const text = this.#o.store.text(chunk.documentId) ?? '';
    const { ordinal: _ordinal, ...hit } = chunk;
    return {
      hit: { ...hit, score: 0 },
      before: text.slice(Math.max(0, chunk.startOffset - contextChars), chunk.startOffset),
      after: text.slice(chunk.endOffset, chunk.endOffset + contextChars),
    };
  }

  async #enqueue(path: string, collectionId: string | null): Promise<ImportOutcome> {
    if (!isAbsolute(path)) throw AppError.localized('invalid_input', 'errorNeedFullPath', undefined, 'documents');
    const { file, size } = await openDocumentFile(path);
    let contentHash: string;
    try {
      if (size > MAX_DOCUMENT_BYTES) {
        throw AppError.localized(
          'invalid_input',
          'errorDocumentTooLarge',
          { size: Math.ceil(size / MB), max: MAX_DOCUMENT_BYTES / MB },
          'documents',
        );
      }
      contentHash = await hashOpenFile(file, size);
    } finally {
      await file.close();
    }
    const existing = this.#o.store.findByContent(collectionId, contentHash);
    if (existing && existing.status !== 'failed' && existing.status !== 'cancelled') {
      return { path, outcome: 'unchanged', documentId: existing.id, error: null };
    }
    if (existing) {
      // A failed or cancelled try is replaced by this one.
      this.#o.store.remove(existing.id);
      this.#o.changed(null, existing.id);
    }
    const { targetChars, overlapChars } = this.#o.chunking();
    const record = this.#o.store.add({
      id: randomUUID(),
      collectionId,
      path,
      fileName: basename(path),
      sizeBytes: size,
      contentHash,
      chunkChars: targetChars,
      chunkOverlap: overlapChars,
    });
    this.#queue.push(record.id);
    this.#emit(record);
    return { path, outcome: 'queued', documentId: record.id, error: null };
  }

  #drain(): void {
    if (this.#running || this.#closed) return;
    const next = this.#queue.shift();
    if (!next) return;
    this.#running = { id: next, run: null, cancelled: false };
    this.#pump = this.#process(next)
      .catch(() => undefined)
      .finally(() => {
        this.#running = null;
        this.#pages.delete(next);
        this.#drain();
      });
  }

  async #process(id: string): Promise<void> {
    const record = this.#o.store.get(id);
    if (!record || record.status === 'cancelled') return;
    const running = this.#running!;
    this.#emit(this.#o.store.setStatus(id, 'extracting'));
    try {
      const run = runExtractWorker(this.#o.launcher, record.path, {
        onProgress: ({ page, pageCount }) => {
          this.#pages.set(id, page);
          if (page === 1) this.#o.store.setPageCount(id, pageCount);
          const current = this.#o.store.get(id);
          if (current) this.#emit(current);
        },
      });
      running.run = run;
      const document = await run.done;
      // The file must still be the one that was hashed: a file changed since is imported anew.
      if ((await hashFile(record.path)) !== record.contentHash) {
        throw ExtractionError.localized('unreadable', 'errorFileChanged');
      }
      const chunks = chunkDocument(document, { targetChars: record.chunkChars, overlapChars: record.chunkOverlap });
      this.#o.store.saveExtraction(id, document, chunks.length);
      this.#emit(this.#o.store.get(id));
      for (let start = this.#o.store.chunkCount(id); start < chunks.length; start += this.#o.batchSize) {
        if (running.cancelled || this.#closed) return;
        this.#o.store.addChunks(id, chunks.slice(start, start + this.#o.batchSize));
        this.#emit(this.#o.store.get(id));
        await new Promise((resolve) => setImmediate(resolve)); // let calls and events through between batches
      }
      this.#emit(this.#o.store.setStatus(id, 'indexed'));
      void this.embedPending();
    } catch (error) {
      if (running.cancelled || this.#closed) return; // cancelled: already marked; closing: continued next start
      const failure =
        error instanceof ExtractionError
          ? error
          : isDiskFull(error)
            ? ExtractionError.localized('failed', 'errorDiskFull')
            : ExtractionError.localized('failed', 'errorImportFailed', {
                detail: ((error as Error).message || String(error)).slice(0, 900),
              });
      this.#emit(this.#o.store.setStatus(id, 'failed', failure.toValue()));
    }
  }

  #require(id: string): DocumentRecord {
    const record = this.#o.store.get(id);
    if (!record) throw AppError.localized('not_found', 'errorDocumentGone', undefined, 'documents');
    return record;
  }

  #emit(record: DocumentRecord | null): DocumentSummary {
    if (!record) throw AppError.localized('not_found', 'errorDocumentGone', undefined, 'documents');
    const summary = this.#summary(record);
    this.#o.changed(summary, null);
    return summary;
  }

  #summary(record: DocumentRecord): DocumentSummary {
    return {
      id: record.id,
      collectionId: record.collectionId,
      fileName: record.fileName,
      path: record.path,
      sizeBytes: record.sizeBytes,
      kind: record.kind as DocumentKind | null,
      title: record.title,
      pageCount: record.pageCount,
      status: record.status,
      error: storedError(record),
      pagesRead: record.status === 'extracting' ? (this.#pages.get(record.id) ?? 0) : null,
      chunksTotal: record.chunksTotal,
      chunksIndexed: record.chunksIndexed,
      createdAt: record.createdAt,
    };
  }
}

/**
 * A failure as stored: rows written before failures carried a catalog key have only the English
 * message, and a key this version cannot parse is dropped (the English still shows).
 */
function storedError(record: DocumentRecord): DocumentSummary['error'] {
  const code = ExtractionErrorCodeSchema.safeParse(record.errorCode);
  if (!code.success || !record.error) return null;
  const text = record.errorText === null ? null : parseStoredText(record.errorText);
  return text ? { code: code.data, message: record.error, text } : { code: code.data, message: record.error };
}

function parseStoredText(json: string): LocalizedText | null {
  try {
    const parsed = LocalizedTextSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Why a path was refused, in English and as a catalog key where it has one. */
function refusal(error: unknown): Pick<ImportOutcome, 'error' | 'errorText'> {
  if (error instanceof ExtractionError)
    return error.text ? { error: error.message, errorText: error.text } : { error: error.message };
  const value = toErrorValue(error);
  return value.text ? { error: value.message, errorText: value.text } : { error: value.message };
}

async function hashFile(path: string): Promise<string> {
  const { file, size } = await openDocumentFile(path);
  try {
    return await hashOpenFile(file, size);
  } finally {
    await file.close();
  }
}

/** The sha256 of the first `size` bytes (the size at open: a growing file is not read forever). */
async function hashOpenFile(file: FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let position = 0; position < size;) {
    const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, size - position), position);
    if (bytesRead === 0) break;
    hash.update(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

/** Headings give a chunk its topic; they are embedded with its text. */
function headingLine(headingPath: string): string {
  try {
    const headings = JSON.parse(headingPath) as string[];
    return headings.length > 0 ? `${headings.join(' › ')}\n` : '';
  } catch {
    return '';
  }
}
