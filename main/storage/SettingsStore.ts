import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../contract/index.js';
import type { Db } from './openDatabase.js';

/**
 * App-wide settings, stored one key per row so a newer field never invalidates older ones.
 * Every value is checked against the contract's schema on read; one that no longer fits falls
 * back to its default.
 */
export class SettingsStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get(): Settings {
    const rows = this.#db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_SETTINGS)) continue;
      const field = SettingsSchema.shape[key as keyof Settings];
      try {
        const parsed = field.safeParse(JSON.parse(value));
        if (parsed.success) merged[key] = parsed.data;
      } catch {
        // A corrupt value keeps its default.
      }
    }
    return SettingsSchema.parse(merged);
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    const upsert = this.#db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.#db.transaction(() => {
      for (const key of Object.keys(patch) as (keyof Settings)[]) {
        upsert.run(key, JSON.stringify(next[key]));
      }
    })();
    return next;
  }
}
