import { learnStateLayout, parseState, STATE_HEADER_BYTES } from '../../main/engine/process/stateLayout.js';
import { mulberry32 } from './seededRandom.js';

export type DamageClass =
  | 'truncated'
  | 'appended'
  | 'random-after-header'
  | 'header'
  | 'section-field'
  | 'cell-position'
  | 'token-out-of-range'
  | 'payload-non-finite'
  /** Changes a payload value by its last bit: a plausible state, undetectable by any layout check. */
  | 'payload-noise';

export interface DamagedState {
  name: string;
  kind: DamageClass;
  data: Buffer;
}

/**
 * Damaged copies of a valid llama.cpp sequence-state file (as a bug or a hostile database would
 * store them, checksum rewritten to match): cut at many offsets, including inside the tensor
 * payload; bytes appended; random bytes after a valid header; header and section fields changed
 * (counts, flags, types, row sizes); cell positions moved; token ids outside the vocabulary;
 * non-finite numbers in the payload. The valid file's structure is read with the engine's own
 * parser only to aim the damage at the right bytes.
 */
export function damagedStates(valid: Buffer, model: { vocabularySize: number; contextSize: number }): DamagedState[] {
  const layout = learnStateLayout(valid, model);
  if (!layout) throw new Error('the valid state does not parse: cannot aim the damage');
  const { parsed } = parseState(valid, model, layout);
  const random = mulberry32(7);
  const randomBytes = (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
  const out: DamagedState[] = [];
  const add = (kind: DamageClass, name: string, data: Buffer) => {
    // A change that writes the value already there is no damage.
    if (!data.equals(valid)) out.push({ kind, name: `${kind}: ${name}`, data });
  };
  const patched = (at: number, write: (copy: Buffer) => void) => {
    const copy = Buffer.from(valid);
    write(copy);
    return copy;
  };
  const tokensEnd = STATE_HEADER_BYTES + parsed.tokens.length * 4;
  const payloads = parsed.sections.flatMap((section) => section.payloads);
  const [firstStart = tokensEnd, firstEnd = valid.length] = payloads[0] ?? [];
  const largest = payloads.reduce((best, range) => (range[1] - range[0] > best[1] - best[0] ? range : best), [0, 0]);

  const cuts: [string, number][] = [
    ['empty', 0],
    ['inside the magic', 2],
    ['before the token count', 8],
    ['inside the token list', STATE_HEADER_BYTES + 2],
    ['right after the tokens', tokensEnd],
    ['inside the first section header', tokensEnd + 2],
    ['at the first payload', firstStart],
    ['inside the first payload', firstStart + Math.max(1, Math.floor((firstEnd - firstStart) / 3))],
    ['in the middle of the largest payload', Math.floor((largest[0] + largest[1]) / 2)],
    ['one row short', valid.length - Math.max(1, firstEnd - firstStart)],
    ['by 4 bytes', valid.length - 4],
    ['by 1 byte', valid.length - 1],
  ];
  for (const [name, at] of cuts) add('truncated', `${name} (${at} of ${valid.length} bytes)`, valid.subarray(0, at));

  add('appended', '1 zero byte', Buffer.concat([valid, Buffer.alloc(1)]));
  add('appended', '4 bytes', Buffer.concat([valid, Buffer.from([1, 0, 0, 0])]));
  add('appended', '4096 random bytes', Buffer.concat([valid, randomBytes(4096)]));

  const header = valid.subarray(0, tokensEnd);
  add('random-after-header', 'same length', Buffer.concat([header, randomBytes(valid.length - tokensEnd)]));
  add('random-after-header', 'half the length', Buffer.concat([header, randomBytes((valid.length - tokensEnd) >> 1)]));
  add('random-after-header', 'twice the length', Buffer.concat([header, randomBytes(2 * (valid.length - tokensEnd))]));

  add(
    'header',
    'magic byte flipped',
    patched(0, (copy) => (copy[0] = (copy[0] ?? 0) ^ 0xff)),
  );
  add(
    'header',
    'version 4',
    patched(4, (copy) => copy.writeUInt32LE(4, 4)),
  );
  add(
    'header',
    'token count + 1',
    patched(8, (copy) => copy.writeUInt32LE(parsed.tokens.length + 1, 8)),
  );
  add(
    'header',
    'token count - 1',
    patched(8, (copy) => copy.writeUInt32LE(parsed.tokens.length - 1, 8)),
  );
  add(
    'header',
    'token count 2^32-1',
    patched(8, (copy) => copy.writeUInt32LE(0xffffffff, 8)),
  );

  // Every distinct field of the memory sections (counts, flags, types, row sizes), once each way.
  const seen = new Set<string>();
  for (const field of parsed.fields) {
    const label = field.name.replace(/^layer \d+ /, 'layer ');
    if (seen.has(label)) continue;
    seen.add(label);
    const read = (copy: Buffer) =>
      field.bytes === 8 ? Number(copy.readBigUInt64LE(field.offset)) : copy.readUInt32LE(field.offset);
    const write = (copy: Buffer, value: number) =>
      field.bytes === 8
        ? copy.writeBigUInt64LE(BigInt(value), field.offset)
        : copy.writeUInt32LE(value >>> 0, field.offset);
    add(
      'section-field',
      `${field.name} + 1`,
      patched(field.offset, (copy) => write(copy, read(copy) + 1)),
    );
    add(
      'section-field',
      `${field.name} = 0`,
      patched(field.offset, (copy) => write(copy, 0)),
    );
    add(
      'section-field',
      `${field.name} huge`,
      patched(field.offset, (copy) =>
        field.bytes === 8
          ? copy.writeBigUInt64LE(1n << 40n, field.offset)
          : copy.writeUInt32LE(0xfffffff0, field.offset),
      ),
    );
  }

  // The first cell's position: it follows the section's cell count (and, for KV, its stream count).
  const firstSection = parsed.sections[0];
  const positionField = parsed.fields.find((field) => /cell count/.test(field.name));
  if (firstSection && positionField && (firstSection.cells[0] ?? 0) > 0) {
    const at = positionField.offset + 4;
    add(
      'cell-position',
      'negative',
      patched(at, (copy) => copy.writeInt32LE(-5, at)),
    );
    add(
      'cell-position',
      'past the tokens',
      patched(at, (copy) => copy.writeInt32LE(parsed.tokens.length + 5, at)),
    );
  }

  const tokenAt = STATE_HEADER_BYTES + 4 * Math.floor(parsed.tokens.length / 2);
  add(
    'token-out-of-range',
    'vocabulary size',
    patched(tokenAt, (copy) => copy.writeInt32LE(model.vocabularySize, tokenAt)),
  );
  add(
    'token-out-of-range',
    '-1',
    patched(tokenAt, (copy) => copy.writeInt32LE(-1, tokenAt)),
  );
  add(
    'token-out-of-range',
    '2^31-1',
    patched(tokenAt, (copy) => copy.writeInt32LE(0x7fffffff, tokenAt)),
  );

  const middle = firstStart + 4 * Math.floor((firstEnd - firstStart) / 8);
  add(
    'payload-non-finite',
    'NaN',
    patched(middle, (copy) => copy.writeUInt32LE(0x7fc00000, middle)),
  );
  add(
    'payload-non-finite',
    '+Inf',
    patched(middle, (copy) => copy.writeUInt32LE(0x7f800000, middle)),
  );
  add(
    'payload-noise',
    'last bit of one value',
    patched(middle, (copy) => (copy[middle] = (copy[middle] ?? 0) ^ 1)),
  );
  return out;
}
