import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type ApiKeySummary,
  type ApiServerSettings,
  ApiServerSettingsSchema,
  DEFAULT_API_SERVER,
} from '../../contract/index.js';
import type { Db } from './openDatabase.js';

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
}

/** The settings row that holds the server's settings (SettingsStore ignores keys it does not know). */
const SETTINGS_KEY = 'apiServer';
/** Keys start with this, so a leaked one is recognisable (and secret scanners can find it). */
const KEY_PREFIX = 'hearth-sk-';
/** Characters of a key shown in Settings. */
const SHOWN_CHARS = KEY_PREFIX.length + 6;

/**
 * The local API's settings and keys. A key is 32 random bytes; only its sha256 is stored (a key
 * has far too much entropy for a slow hash to matter), so the database never holds a usable key.
 */
export class ApiServerStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  settings(): ApiServerSettings {
    const row = this.#db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(SETTINGS_KEY);
    if (!row) return DEFAULT_API_SERVER;
    try {
      const parsed = ApiServerSettingsSchema.safeParse(JSON.parse(row.value));
      // A value that no longer fits (edited by hand, an older format) falls back to off.
      return parsed.success ? parsed.data : DEFAULT_API_SERVER;
    } catch {
      return DEFAULT_API_SERVER;
    }
  }

  saveSettings(settings: ApiServerSettings): ApiServerSettings {
    const checked = ApiServerSettingsSchema.parse(settings);
    this.#db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(SETTINGS_KEY, JSON.stringify(checked));
    return checked;
  }

  /** Makes a key: the key itself is returned this once. */
  createKey(name: string, now = Date.now()): { key: string; summary: ApiKeySummary } {
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const summary: ApiKeySummary = {
      id: randomUUID(),
      name,
      prefix: key.slice(0, SHOWN_CHARS),
      createdAt: now,
      lastUsedAt: null,
    };
    this.#db
      .prepare('INSERT INTO api_keys (id, name, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(summary.id, name, summary.prefix, hashKey(key), now);
    return { key, summary };
  }

  keys(): ApiKeySummary[] {
    return this.#db
      .prepare<[], KeyRow>('SELECT id, name, prefix, created_at, last_used_at FROM api_keys ORDER BY created_at, id')
      .all()
      .map(toSummary);
  }

  hasKeys(): boolean {
    return this.#db.prepare('SELECT 1 FROM api_keys LIMIT 1').get() !== undefined;
  }

  revokeKey(id: string): boolean {
    return this.#db.prepare('DELETE FROM api_keys WHERE id = ?').run(id).changes > 0;
  }

  /** The key a presented secret is, noting its use; null when it is no key (or a revoked one). */
  authenticate(presented: string, now = Date.now()): ApiKeySummary | null {
    const row = this.#db
      .prepare<[string], KeyRow>('SELECT id, name, prefix, created_at, last_used_at FROM api_keys WHERE hash = ?')
      .get(hashKey(presented));
    if (!row) return null;
    this.#db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, row.id);
    return { ...toSummary(row), lastUsedAt: now };
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toSummary(row: KeyRow): ApiKeySummary {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}
