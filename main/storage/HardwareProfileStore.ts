import type { Db } from './openDatabase.js';

/** The stored profile; `profile` is JSON, re-validated by whoever reads it. */
export interface HardwareProfileRecord {
  cacheKey: string;
  profile: string;
  probedAt: number;
}

interface HardwareProfileRow {
  cache_key: string;
  profile: string;
  probed_at: number;
}

/** The one cached hardware profile (the newest probe wins). */
export class HardwareProfileStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get(): HardwareProfileRecord | null {
    const row = this.#db
      .prepare<[], HardwareProfileRow>('SELECT cache_key, profile, probed_at FROM hardware_profile WHERE id = 1')
      .get();
    return row ? { cacheKey: row.cache_key, profile: row.profile, probedAt: row.probed_at } : null;
  }

  put(record: HardwareProfileRecord): void {
    this.#db
      .prepare(
        `INSERT INTO hardware_profile (id, cache_key, profile, probed_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET cache_key = excluded.cache_key, profile = excluded.profile,
           probed_at = excluded.probed_at`,
      )
      .run(record.cacheKey, record.profile, record.probedAt);
  }
}
