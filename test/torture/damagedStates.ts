import type { Scenario } from './TortureRun.js';

/** Bytes of llama.cpp's sequence-state header: magic, version, token count. */
const HEADER_BYTES = 12;

export const STATE_DAMAGES = [
  'truncated-in-tensors',
  'random-after-header',
  'random-tail-appended',
  'token-out-of-vocabulary',
  'token-count-raised',
  'token-count-lowered',
  'tensors-zeroed',
  'empty',
] as const;
export type StateDamage = (typeof STATE_DAMAGES)[number];

/**
 * A damaged copy of a real state file (its checksum is rewritten by the caller, so only the
 * engine's own checks stand between it and llama.cpp). Offsets and bytes come from the scenario's
 * random source.
 */
export function damageState(raw: Buffer, damage: StateDamage, vocabularySize: number, s: Scenario): Buffer {
  const tokenCount = raw.length >= HEADER_BYTES ? raw.readUInt32LE(8) : 0;
  const tensorsAt = HEADER_BYTES + tokenCount * 4;
  const random = (length: number) => Buffer.from(Array.from({ length }, () => s.int(0, 255)));
  const copy = Buffer.from(raw);
  switch (damage) {
    case 'truncated-in-tensors':
      return copy.subarray(0, s.int(tensorsAt + 1, Math.max(tensorsAt + 1, raw.length - 1)));
    case 'random-after-header':
      return Buffer.concat([copy.subarray(0, tensorsAt), random(raw.length - tensorsAt)]);
    case 'random-tail-appended':
      return Buffer.concat([copy, random(s.int(1, 4096))]);
    case 'token-out-of-vocabulary': {
      if (tokenCount === 0) return copy;
      copy.writeInt32LE(
        s.pick([vocabularySize, vocabularySize + s.int(1, 1000), -1, 0x7fffffff]),
        HEADER_BYTES + 4 * s.int(0, tokenCount - 1),
      );
      return copy;
    }
    case 'token-count-raised':
      copy.writeUInt32LE(tokenCount + s.int(1, 64), 8);
      return copy;
    case 'token-count-lowered':
      copy.writeUInt32LE(Math.max(0, tokenCount - s.int(1, Math.max(1, tokenCount))), 8);
      return copy;
    case 'tensors-zeroed':
      copy.fill(0, tensorsAt);
      return copy;
    case 'empty':
      return Buffer.alloc(0);
  }
}
