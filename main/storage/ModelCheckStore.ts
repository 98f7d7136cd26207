import type { Db } from './openDatabase.js';

/** One file's verdict as stored; `inspection` is JSON, re-validated by whoever reads it. */
export interface ModelCheckRecord {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  sampleSha256: string;
  checker: string;
  ok: boolean;
  reason: string | null;
  inspection: string | null;
  checkedAt: number;
}

interface ModelCheckRow {
  path: string;
  size_bytes: number;
  mtime_ms: number;
  sample_sha256: string;
  checker: string;
  ok: 0 | 1;
  reason: string | null;
  inspection: string | null;
  checked_at: number;
}

/** Verdicts of the model-file check, one row per path (the newest check wins). */
export class ModelCheckStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get(path: string): ModelCheckRecord | null {
    const row = this.#db.prepare<[string], ModelCheckRow>('SELECT * FROM model_checks WHERE path = ?').get(path);
    if (!row) return null;
    return {
      path: row.path,
      sizeBytes: row.size_bytes,
      mtimeMs: row.mtime_ms,
      sampleSha256: row.sample_sha256,
      checker: row.checker,
      ok: row.ok === 1,
      reason: row.reason,
      inspection: row.inspection,
      checkedAt: row.checked_at,
    };
  }

  put(record: ModelCheckRecord): void {
    this.#db
      .prepare(
        `INSERT INTO model_checks (path, size_bytes, mtime_ms, sample_sha256, checker, ok, reason, inspection, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms,
           sample_sha256 = excluded.sample_sha256, checker = excluded.checker, ok = excluded.ok,
           reason = excluded.reason, inspection = excluded.inspection, checked_at = excluded.checked_at`,
      )
      .run(
        record.path,
        record.sizeBytes,
        record.mtimeMs,
        record.sampleSha256,
        record.checker,
        record.ok ? 1 : 0,
        record.reason,
        record.inspection,
        record.checkedAt,
      );
  }

  remove(path: string): void {
    this.#db.prepare('DELETE FROM model_checks WHERE path = ?').run(path);
  }
}
