import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestHearth } from './startHearth.js';

export interface StateRow {
  id: number;
  kind: 'turn' | 'prompt';
  conversation_id: string | null;
  message_id: string | null;
  token_count: number;
  byte_size: number;
  stored_size: number;
  compression: 'none' | 'deflate';
  sha256: string;
  model_fingerprint: string;
  history_hash: string | null;
  data: Buffer;
}

export function stateRows(hearth: TestHearth, conversationId?: string): StateRow[] {
  return conversationId === undefined
    ? hearth.db.prepare<[], StateRow>('SELECT * FROM states ORDER BY id').all()
    : hearth.db
        .prepare<[string], StateRow>('SELECT * FROM states WHERE conversation_id = ? ORDER BY id')
        .all(conversationId);
}

/** Settings for deterministic, quick turns; everything else as the test says. */
export async function greedySettings(hearth: TestHearth, extra: Parameters<TestHearth['call']>[1] = {}) {
  await hearth.call('settings.update', {
    contextSize: 2048,
    threads: 1,
    defaultSampling: { temperature: 0, topP: 1, maxTokens: 12, seed: 1 },
    ...(extra as object),
  });
}

/**
 * The hot copies of saved states (main/states/HotStates.ts), as paths, by `<state id>-<sha256>`
 * (a state id alone can be reused by SQLite once its row is deleted).
 */
export function hotCopies(hearth: TestHearth): Map<string, string> {
  const dir = join(hearth.paths.dataDir, 'states');
  return new Map(readdirSync(dir).map((name) => [name.replace(/\.state$/, ''), join(dir, name)]));
}

export const hotKey = (state: Pick<StateRow, 'id' | 'sha256'>) => `${state.id}-${state.sha256}`;

/** Removes every hot copy, so that the next resume reads its state from SQLite (the cold path). */
export function dropHotCopies(hearth: TestHearth): void {
  for (const path of hotCopies(hearth).values()) rmSync(path, { force: true });
}
