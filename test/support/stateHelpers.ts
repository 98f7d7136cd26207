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
