import { createHash } from 'node:crypto';
import type { ChatTurn } from '../../contract/index.js';

/**
 * A hash chain over what the model reads: the system prompt, then each turn's role and text.
 * Element i names the history up to and including turn i, so a state saved after turn i is the
 * prefix of a longer conversation exactly when their chains agree at i — checked without
 * rendering or tokenizing anything. One pass over the texts (hashing runs at hundreds of MB/s).
 */
export function historyHashes(systemPrompt: string, turns: readonly ChatTurn[]): string[] {
  let previous = createHash('sha256').update('hearth-history-v1\0').update(systemPrompt).digest('hex');
  return turns.map((turn) => {
    previous = createHash('sha256')
      .update(previous)
      .update(turn.role === 'user' ? '\0user\0' : '\0assistant\0')
      .update(turn.text)
      .digest('hex');
    return previous;
  });
}
