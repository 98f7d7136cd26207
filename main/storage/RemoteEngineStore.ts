import { randomUUID } from 'node:crypto';
import type { RemoteEngine, RemotePreset } from '../../contract/index.js';
import type { Db } from './openDatabase.js';

interface Row {
  id: string;
  name: string;
  base_url: string;
  preset: RemotePreset;
  api_key: string | null;
  created_at: number;
}

/** A remote engine with what Hearth needs to call it (the key stays in main). */
export interface RemoteEngineRecord extends RemoteEngine {
  apiKey: string | null;
}

/** The remote engines the user added. */
export class RemoteEngineStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): RemoteEngineRecord[] {
    return this.#db.prepare<[], Row>('SELECT * FROM remote_engines ORDER BY created_at, id').all().map(toRecord);
  }

  get(id: string): RemoteEngineRecord | null {
    const row = this.#db.prepare<[string], Row>('SELECT * FROM remote_engines WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  }

  add(
    engine: { name: string; baseUrl: string; preset: RemotePreset; apiKey: string | null },
    now = Date.now(),
  ): RemoteEngineRecord {
    const id = randomUUID();
    this.#db
      .prepare('INSERT INTO remote_engines (id, name, base_url, preset, api_key, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, engine.name, engine.baseUrl, engine.preset, engine.apiKey, now);
    return toRecord({
      id,
      name: engine.name,
      base_url: engine.baseUrl,
      preset: engine.preset,
      api_key: engine.apiKey,
      created_at: now,
    });
  }

  remove(id: string): boolean {
    return this.#db.prepare('DELETE FROM remote_engines WHERE id = ?').run(id).changes > 0;
  }
}

function toRecord(row: Row): RemoteEngineRecord {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    preset: row.preset,
    hasKey: row.api_key !== null,
    apiKey: row.api_key,
    createdAt: row.created_at,
  };
}
