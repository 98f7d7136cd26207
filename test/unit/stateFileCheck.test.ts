/**
 * The engine's check of a state file (checkStateFile) reads it a window and a chunk at a time,
 * never whole. Its verdicts must be the in-memory check's (checkStateBytes) on every kind of
 * damage, and a bad value must be found wherever it lies: at a payload's edges and split across
 * two chunks. The states here are built to llama.cpp's layout (a recurrent section: the R and S
 * tensors of each layer), with payloads large enough to span several chunks.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CHUNK_BYTES } from '../../main/engine/process/stateBytes.js';
import { checkStateFile } from '../../main/engine/process/stateFile.js';
import {
  checkStateBytes,
  learnStateLayout,
  parseState,
  STATE_MAGIC,
  STATE_VERSION,
} from '../../main/engine/process/stateLayout.js';
import { damagedStates } from '../forge/damagedStates.js';
import { mulberry32 } from '../forge/seededRandom.js';
import { tempDir } from '../support/tempDir.js';

const MODEL = { vocabularySize: 1000, contextSize: 4096 };
const F32 = 0;
const F16 = 1;

/**
 * A recurrent state of `tokens` tokens: per layer an f16 R row and an f32 S row of `values` values.
 * An odd `values` leaves the f32 rows 2 bytes off a 4-byte boundary, so their values straddle the
 * chunk edges.
 */
function recurrentState(tokens: number, layers: number, values: number): Buffer {
  const random = mulberry32(3);
  const parts: Buffer[] = [];
  const u32 = (value: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    parts.push(b);
  };
  const row = (type: number, width: number) => {
    u32(type);
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(values * width));
    parts.push(size);
    const data = Buffer.alloc(values * width);
    for (let i = 0; i < values; i++) {
      if (type === F32) data.writeFloatLE(random() * 2 - 1, i * 4);
      else data.writeUInt16LE(0x3000 + Math.floor(random() * 0x800), i * 2); // finite halves
    }
    parts.push(data);
  };
  [STATE_MAGIC, STATE_VERSION, tokens].forEach(u32);
  for (let i = 0; i < tokens; i++) u32(Math.floor(random() * MODEL.vocabularySize));
  u32(1); // one cell
  u32(tokens - 1); // at the last token's position
  u32(0); // sequence count
  u32(0); // S not transposed
  u32(layers);
  for (let layer = 0; layer < layers; layer++) row(F16, 2);
  for (let layer = 0; layer < layers; layer++) row(F32, 4);
  return Buffer.concat(parts);
}

const dir = tempDir();
let written = 0;
const fileOf = (data: Buffer) => {
  const path = join(dir, `state-${written++}.bin`);
  writeFileSync(path, data);
  return path;
};
const verdict = async (run: () => Promise<number> | number) => {
  try {
    return `ok ${await run()}`;
  } catch (error) {
    return (error as Error).message;
  }
};

// Three layers: the three odd-sized f16 rows leave the f32 rows after them 2 bytes off alignment.
const valid = recurrentState(3, 3, 500_001);
const layout = learnStateLayout(valid, MODEL)!;
const payloads = parseState(valid, MODEL, layout).parsed.sections[0]!.payloads;

describe("the engine's streaming check of a state file", () => {
  test('the built state is valid, spans several chunks and has values split across chunk edges', async () => {
    assert.ok(layout, 'the layout is learned');
    assert.ok(valid.length > 2 * CHUNK_BYTES, `${valid.length} bytes`);
    assert.equal(await verdict(() => checkStateFile(fileOf(valid), MODEL, layout)), 'ok 3');
    const sha = createHash('sha256').update(valid).digest('hex');
    assert.equal(await verdict(() => checkStateFile(fileOf(valid), MODEL, layout, sha)), 'ok 3');
  });

  test('a value that is not finite is found at a payload edge, inside it, and split across two chunks', async () => {
    const [firstF16, , , firstF32] = payloads;
    const places: [string, number, 'f32' | 'f16'][] = [
      ['first value of a payload', firstF32![0], 'f32'],
      ['last value of a payload', firstF32![1] - 4, 'f32'],
      ['the value over the first chunk edge', straddling(CHUNK_BYTES, 4), 'f32'],
      ['the value right after a chunk edge', straddling(CHUNK_BYTES, 4) + 4, 'f32'],
      ['the value right before a chunk edge', straddling(CHUNK_BYTES, 4) - 4, 'f32'],
      ['the value over the second chunk edge', straddling(2 * CHUNK_BYTES, 4), 'f32'],
      ['an f16 value', firstF16![0] + 2 * 1001, 'f16'],
      ['the last f16 value', firstF16![1] - 2, 'f16'],
    ];
    for (const [name, offset, type] of places) {
      const damaged = Buffer.from(valid);
      if (type === 'f32') damaged.writeUInt32LE(0x7fc00000, offset);
      else damaged.writeUInt16LE(0x7c00, offset);
      assert.match(
        await verdict(() => checkStateFile(fileOf(damaged), MODEL, layout)),
        /holds a value that is not a finite number/,
        name,
      );
    }
  });

  test('a checksum mismatch is the reason given, whatever else is wrong', async () => {
    const sha = createHash('sha256').update(valid).digest('hex');
    const changed = Buffer.from(valid);
    changed.writeUInt32LE(0x7fc00000, payloads[3]![0]);
    assert.match(await verdict(() => checkStateFile(fileOf(changed), MODEL, layout, sha)), /checksum does not match/);
    const badLayout = Buffer.from(valid);
    badLayout.writeUInt32LE(7, 12 + 3 * 4 + 16); // the layer count
    assert.match(await verdict(() => checkStateFile(fileOf(badLayout), MODEL, layout, sha)), /checksum does not match/);
    assert.match(await verdict(() => checkStateFile(fileOf(badLayout), MODEL, layout)), /layer count is 7/);
  });

  test('every kind of damage gets the in-memory check’s verdict', async () => {
    const small = recurrentState(5, 2, 3000);
    const smallLayout = learnStateLayout(small, MODEL)!;
    const cases = damagedStates(small, MODEL);
    assert.ok(cases.length > 20, `${cases.length} damaged states`);
    for (const { name, data } of cases) {
      const inMemory = await verdict(() => checkStateBytes(data, MODEL, smallLayout));
      const streamed = await verdict(() => checkStateFile(fileOf(data), MODEL, smallLayout));
      // A file too large for its token count is refused before it is read, with its own words.
      if (/more than this model writes/.test(streamed)) assert.notEqual(inMemory.slice(0, 2), 'ok', name);
      else assert.equal(streamed, inMemory, name);
    }
  });
});

/** The offset of the value that holds bytes `edge - 1` and `edge`. */
function straddling(edge: number, width: number): number {
  const [start] = payloads.find(([from, to]) => from < edge && edge < to) ?? [];
  assert.ok(start !== undefined, 'a payload spans the edge');
  const offset = start + Math.floor((edge - start) / width) * width;
  assert.ok(offset < edge && edge < offset + width, 'a value is split by the edge');
  return offset;
}
