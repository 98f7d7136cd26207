import type { DownloadState } from '../../contract/index.js';
import type { Db } from './openDatabase.js';

/** A download as stored: what was asked for and how far it got (speed is not stored). */
export interface DownloadRecord {
  id: string;
  entryId: string | null;
  quantization: string | null;
  uri: string;
  fileName: string;
  /** The size the catalog promises; null for a URI the user gave. */
  expectedBytes: number | null;
  sha256: string | null;
  state: DownloadState;
  totalBytes: number;
  receivedBytes: number;
  attempts: number;
  error: string | null;
  modelId: string | null;
  createdAt: number;
}

export type NewDownload = Pick<
  DownloadRecord,
  'id' | 'entryId' | 'quantization' | 'uri' | 'fileName' | 'expectedBytes' | 'sha256'
>;

interface DownloadRow {
  id: string;
  entry_id: string | null;
  quantization: string | null;
  uri: string;
  file_name: string;
  expected_bytes: number | null;
  sha256: string | null;
  state: DownloadState;
  total_bytes: number;
  received_bytes: number;
  attempts: number;
  error: string | null;
  model_id: string | null;
  created_at: number;
}

const fromRow = (row: DownloadRow): DownloadRecord => ({
  id: row.id,
  entryId: row.entry_id,
  quantization: row.quantization,
  uri: row.uri,
  fileName: row.file_name,
  expectedBytes: row.expected_bytes,
  sha256: row.sha256,
  state: row.state,
  totalBytes: row.total_bytes,
  receivedBytes: row.received_bytes,
  attempts: row.attempts,
  error: row.error,
  modelId: row.model_id,
  createdAt: row.created_at,
});

const COLUMNS: Record<keyof Omit<DownloadRecord, 'id' | 'createdAt'>, string> = {
  entryId: 'entry_id',
  quantization: 'quantization',
  uri: 'uri',
  fileName: 'file_name',
  expectedBytes: 'expected_bytes',
  sha256: 'sha256',
  state: 'state',
  totalBytes: 'total_bytes',
  receivedBytes: 'received_bytes',
  attempts: 'attempts',
  error: 'error',
  modelId: 'model_id',
};

/** Downloads and linked model files: the only SQL for the model library. */
export class LibraryStore {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  add(download: NewDownload): DownloadRecord {
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT INTO downloads (id, entry_id, quantization, uri, file_name, expected_bytes, sha256, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
      )
      .run(
        download.id,
        download.entryId,
        download.quantization,
        download.uri,
        download.fileName,
        download.expectedBytes,
        download.sha256,
        now,
        now,
      );
    return this.get(download.id) as DownloadRecord;
  }

  get(id: string): DownloadRecord | null {
    const row = this.#db.prepare<[string], DownloadRow>('SELECT * FROM downloads WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  list(): DownloadRecord[] {
    return this.#db.prepare<[], DownloadRow>('SELECT * FROM downloads ORDER BY created_at, id').all().map(fromRow);
  }

  update(id: string, patch: Partial<Omit<DownloadRecord, 'id' | 'createdAt'>>): DownloadRecord | null {
    const keys = Object.keys(patch) as (keyof typeof COLUMNS)[];
    if (keys.length > 0) {
      const sets = keys.map((key) => `${COLUMNS[key]} = ?`).join(', ');
      this.#db
        .prepare(`UPDATE downloads SET ${sets}, updated_at = ? WHERE id = ?`)
        .run(...keys.map((key) => patch[key] ?? null), this.#now(), id);
    }
    return this.get(id);
  }

  remove(id: string): boolean {
    return this.#db.prepare('DELETE FROM downloads WHERE id = ?').run(id).changes > 0;
  }

  /** Model files used in place: id → absolute path. */
  linkedModels(): { id: string; path: string }[] {
    return this.#db.prepare<[], { id: string; path: string }>('SELECT id, path FROM linked_models ORDER BY id').all();
  }

  linkModel(id: string, path: string): void {
    this.#db
      .prepare('INSERT INTO linked_models (id, path, added_at) VALUES (?, ?, ?) ON CONFLICT (path) DO NOTHING')
      .run(id, path, this.#now());
  }

  unlinkModel(id: string): boolean {
    return this.#db.prepare('DELETE FROM linked_models WHERE id = ?').run(id).changes > 0;
  }
}
