import type { Db } from './openDatabase.js';
import { loadSqliteVec, type SqliteVecLoad } from './loadSqliteVec.js';

/**
 * How an index stores vectors. `float`: float32 as given, exact cosine. `int8`: each vector scaled
 * by its largest component to -127..127 (a quarter of the bytes; cosine ignores the scale), the
 * best candidates then re-scored against the float32 vectors. `bit`: signs only (1/32 of the
 * bytes, hamming distance), re-scored the same way.
 */
export type VectorKind = 'float' | 'int8' | 'bit';

/**
 * Candidates per result that a quantized index hands to the float32 re-scoring. vec0 picks its
 * top k in O(k × rows), so every extra candidate costs a full pass's worth of comparisons.
 */
const RESCORE_FACTOR: Record<VectorKind, number> = { float: 1, int8: 1, bit: 4 };
/** vec0 refuses a larger k. */
const MAX_K = 4096;

interface IndexRow {
  id: number;
  model: string;
  dims: number;
  kind: VectorKind;
}

export interface VectorIndexOptions {
  kind?: VectorKind;
  /** Candidates per result for the float32 re-scoring (the benchmark tries several). */
  rescoreFactor?: number;
  /** Where sqlite-vec's library is (tests point it elsewhere); sqlite-vec's own lookup by default. */
  loadablePath?: () => string;
  /**
   * A search thread's index, on a read-only connection: searches as the index stands, never
   * catching it up (main's connection does that before it sends each search).
   */
  readOnly?: boolean;
}

/**
 * Nearest-neighbour search over the chunks' vectors with sqlite-vec's vec0 tables, in the same
 * database file as the chunks. One vec0 table per embedding model (`vec_chunks_<id>`, its size in
 * `vector_indexes`), derived from `chunk_embeddings`: built from it when missing, kept in step
 * through the `vector_index_changes` queue its triggers fill. Each row carries its chunk's document
 * as a vec0 metadata column, so "only these documents" is applied inside the KNN scan and k results
 * come back whenever the documents hold k vectors.
 */
export class VectorIndex {
  readonly #db: Db;
  readonly #kind: VectorKind;
  readonly #rescoreFactor: number | undefined;
  readonly #loadablePath: (() => string) | undefined;
  readonly #readOnly: boolean;
  #load: SqliteVecLoad | null = null;

  constructor(db: Db, options: VectorIndexOptions = {}) {
    this.#db = db;
    this.#kind = options.kind ?? 'bit';
    this.#rescoreFactor = options.rescoreFactor;
    this.#loadablePath = options.loadablePath;
    this.#readOnly = options.readOnly ?? false;
  }

  /** Why vectors cannot be searched in this process (the extension did not load), or null. */
  get unavailable(): string | null {
    this.#load ??= loadSqliteVec(this.#db, this.#loadablePath);
    return this.#load.loaded ? null : this.#load.reason;
  }

  /** The vec0 table for a model, or null when it has none (yet). */
  tableOf(model: string): string | null {
    const row = this.#index(model);
    return row ? tableName(row) : null;
  }

  /**
   * Brings the indexes up to date with `chunk_embeddings`: the model's index is created (or
   * rebuilt, when its size or kind changed) and filled, queued changes are applied to every index,
   * and indexes left without vectors are dropped. Cheap when nothing changed.
   */
  catchUp(model: string | null = null, dims: number | null = null): void {
    if (this.unavailable) return;
    this.#db.transaction(() => {
      this.#applyChanges();
      if (model === null) return;
      const existing = this.#index(model);
      const wanted = dims ?? existing?.dims ?? this.#storedDims(model);
      if (wanted === null) return;
      if (existing && existing.dims === wanted && existing.kind === this.#kindFor(wanted)) return;
      if (existing) this.#drop(existing);
      this.#build(model, wanted);
    })();
  }

  /**
   * The chunks whose vectors are nearest the query (cosine), best first, optionally only within
   * some documents. Empty when the model has no index or the query's size is not the index's.
   */
  nearest(model: string, query: Float32Array, k: number, documentIds: readonly string[] | null = null): number[] {
    if (this.unavailable || documentIds?.length === 0) return [];
    if (!this.#readOnly) this.catchUp(model);
    const index = this.#index(model);
    if (!index || index.dims !== query.length) return [];
    const candidates = Math.min(MAX_K, k * (this.#rescoreFactor ?? RESCORE_FACTOR[index.kind]));
    const within = documentIds ? `AND document_id IN (${documentIds.map(() => '?').join(', ')})` : '';
    const rows = this.#db
      .prepare<unknown[], { chunk_id: number }>(
        `SELECT chunk_id FROM ${tableName(index)}
         WHERE embedding MATCH ${matchExpression(index.kind)} AND k = ? ${within}
         ORDER BY distance`,
      )
      .all(queryBlob(index.kind, query), candidates, ...(documentIds ?? []));
    const ids = rows.map((row) => row.chunk_id);
    return index.kind === 'float' ? ids : this.#rescore(model, ids, query, k);
  }

  /**
   * Whether the model has any vector to search (its index caught up first). An index exists only
   * while it holds vectors (catching up drops one left empty), so its row answers: asking the vec0
   * table itself for one row cost 11 ms at 100k vectors.
   */
  has(model: string): boolean {
    if (this.unavailable) return false;
    this.catchUp(model);
    return this.#index(model) !== null;
  }

  /** Rows in the model's index (tests, the benchmark). */
  count(model: string): number {
    const table = this.tableOf(model);
    if (!table || this.unavailable) return 0;
    return this.#db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
  }

  /** Orders quantized candidates by their float32 vectors' cosine (they are unit vectors: a dot product). */
  #rescore(model: string, ids: readonly number[], query: Float32Array, k: number): number[] {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare<unknown[], { chunk_id: number; vector: Buffer }>(
        `SELECT chunk_id, vector FROM chunk_embeddings WHERE model = ? AND chunk_id IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(model, ...ids);
    return rows
      .map((row) => {
        const vector = floats(row.vector);
        let dot = 0;
        for (let i = 0; i < vector.length; i++) dot += vector[i]! * (query[i] ?? 0);
        return { chunkId: row.chunk_id, dot };
      })
      .sort((a, b) => b.dot - a.dot || a.chunkId - b.chunkId)
      .slice(0, k)
      .map((row) => row.chunkId);
  }

  /** Binary vectors pack 8 dimensions a byte: a size that is not a multiple of 8 stays float32. */
  #kindFor(dims: number): VectorKind {
    return this.#kind === 'bit' && dims % 8 !== 0 ? 'float' : this.#kind;
  }

  #index(model: string): IndexRow | null {
    return (
      this.#db
        .prepare<[string], IndexRow>('SELECT id, model, dims, kind FROM vector_indexes WHERE model = ?')
        .get(model) ?? null
    );
  }

  #storedDims(model: string): number | null {
    return (
      this.#db
        .prepare<[string], { dims: number }>('SELECT dims FROM chunk_embeddings WHERE model = ? LIMIT 1')
        .get(model)?.dims ?? null
    );
  }

  #build(model: string, dims: number): void {
    const { lastInsertRowid } = this.#db
      .prepare('INSERT INTO vector_indexes (model, dims, kind) VALUES (?, ?, ?)')
      .run(model, dims, this.#kindFor(dims));
    const index: IndexRow = { id: Number(lastInsertRowid), model, dims, kind: this.#kindFor(dims) };
    const table = tableName(index);
    this.#db.exec(
      `CREATE VIRTUAL TABLE ${table} USING vec0 (
         chunk_id INTEGER PRIMARY KEY,
         embedding ${columnType(index)},
         document_id TEXT
       )`,
    );
    // In slices: better-sqlite3 cannot write while a read is still being iterated, and 100k
    // vectors read at once would be hundreds of megabytes.
    const slice = this.#db.prepare<[string, number, number], { chunk_id: number; document_id: string; vector: Buffer }>(
      `SELECT e.chunk_id, c.document_id, e.vector FROM chunk_embeddings e JOIN chunks c ON c.id = e.chunk_id
       WHERE e.model = ? AND e.dims = ? AND e.chunk_id > ? ORDER BY e.chunk_id LIMIT 2000`,
    );
    const insert = this.#insertInto(index);
    for (let after = -1; ;) {
      const rows = slice.all(model, dims, after);
      if (rows.length === 0) break;
      for (const row of rows) insert(row.chunk_id, row.document_id, row.vector);
      after = rows.at(-1)!.chunk_id;
    }
  }

  /** Queued changes, applied to every index: the old vector out, the current one (if any) in. */
  #applyChanges(): void {
    const changed = this.#db
      .prepare<[], { chunk_id: number }>('SELECT chunk_id FROM vector_index_changes')
      .all()
      .map((row) => row.chunk_id);
    if (changed.length === 0) return;
    const indexes = this.#db.prepare<[], IndexRow>('SELECT id, model, dims, kind FROM vector_indexes').all();
    const current = this.#db.prepare<[number], { model: string; dims: number; document_id: string; vector: Buffer }>(
      `SELECT e.model, e.dims, c.document_id, e.vector FROM chunk_embeddings e JOIN chunks c ON c.id = e.chunk_id
       WHERE e.chunk_id = ?`,
    );
    const removers = indexes.map((index) => this.#db.prepare(`DELETE FROM ${tableName(index)} WHERE chunk_id = ?`));
    const inserters = new Map(indexes.map((index) => [index.model, { index, insert: this.#insertInto(index) }]));
    for (const chunkId of changed) {
      for (const remove of removers) remove.run(BigInt(chunkId));
      const row = current.get(chunkId);
      const target = row && inserters.get(row.model);
      if (row && target && target.index.dims === row.dims) target.insert(chunkId, row.document_id, row.vector);
    }
    this.#db.prepare('DELETE FROM vector_index_changes').run();
    for (const index of indexes) {
      const left = this.#db.prepare<[], { one: number }>(`SELECT 1 AS one FROM ${tableName(index)} LIMIT 1`).get();
      if (!left) this.#drop(index);
    }
  }

  #drop(index: IndexRow): void {
    this.#db.exec(`DROP TABLE IF EXISTS ${tableName(index)}`);
    this.#db.prepare('DELETE FROM vector_indexes WHERE id = ?').run(index.id);
  }

  #insertInto(index: IndexRow): (chunkId: number, documentId: string, vector: Buffer) => void {
    const statement = this.#db.prepare(
      `INSERT INTO ${tableName(index)} (chunk_id, embedding, document_id) VALUES (?, ${matchExpression(index.kind)}, ?)`,
    );
    // vec0 takes only SQLite integers as keys; better-sqlite3 binds a JavaScript number as a real.
    return (chunkId, documentId, vector) =>
      statement.run(BigInt(chunkId), queryBlob(index.kind, floats(vector)), documentId);
  }
}

/** Table names come from the index's integer id, never from a model name. */
function tableName(index: Pick<IndexRow, 'id'>): string {
  return `vec_chunks_${index.id}`;
}

function columnType(index: IndexRow): string {
  switch (index.kind) {
    case 'float':
      return `float[${index.dims}] distance_metric=cosine`;
    case 'int8':
      return `int8[${index.dims}] distance_metric=cosine`;
    case 'bit':
      return `bit[${index.dims}]`;
    default:
      return index.kind satisfies never;
  }
}

/** How a float32 blob becomes the index's element type in SQL. */
function matchExpression(kind: VectorKind): string {
  switch (kind) {
    case 'float':
      return '?';
    case 'int8':
      return 'vec_int8(?)';
    case 'bit':
      return 'vec_quantize_binary(vec_f32(?))';
    default:
      return kind satisfies never;
  }
}

/** The bytes bound for a vector: float32 as is (also for `bit`, quantized in SQL), or scaled int8. */
function queryBlob(kind: VectorKind, vector: Float32Array): Buffer {
  if (kind !== 'int8') return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
  let largest = 0;
  for (const value of vector) largest = Math.max(largest, Math.abs(value));
  const scale = largest > 0 ? 127 / largest : 0;
  const quantized = Int8Array.from(vector, (value) => Math.round(value * scale));
  return Buffer.from(quantized.buffer);
}

/** A stored float32 vector; copied, since a Buffer's offset need not be 4-byte aligned. */
function floats(blob: Buffer): Float32Array {
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
