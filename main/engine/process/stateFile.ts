import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import type { LlamaContextSequence, Token } from 'node-llama-cpp';
import {
  allFinite,
  type FloatPayload,
  floatPayloads,
  learnStateLayout,
  notFinite,
  type ParsedState,
  parseState,
  STATE_HEADER_BYTES,
  type StateBytes,
  type StateLayout,
  type StateSection,
} from './stateLayout.js';

export interface StateModel {
  vocabularySize: number;
  contextSize: number;
}

/**
 * Checks a state file before llama.cpp reads it, against the layout this model writes: header,
 * tokens in the vocabulary, every section's counts, types and sizes, positions, exact length, and
 * finite numbers. Main has already checked the checksum and provenance; this is the engine's own
 * line of defence (a damaged state aborts llama.cpp or loads into wrong answers). Every part of
 * it runs before the load, the finite numbers included: a NaN loaded into a context poisons it for
 * good (measured: after clearHistory, an rwkv6 re-read still answered NUL bytes), so checking while
 * the prompt is evaluated is not an option. A file larger than the layout allows for its token
 * count is refused before it is read.
 * With `sha256` (a file main lent from its copy on disk without reading it), the bytes must also
 * match the checksum they were stored with; a mismatch is the reason given, whatever else is wrong.
 * Returns the number of tokens the state holds, or throws with the reason.
 *
 * The file is never held in memory whole: its layout is parsed through a small window, then one
 * sequential pass in fixed chunks feeds the checksum and the finite-number scan. A fresh buffer
 * the size of a 49 MB attention state cost ~190 ms in page faults alone on a VM, 10× the read.
 */
export async function checkStateFile(
  path: string,
  model: StateModel,
  layout: StateLayout,
  sha256: string | null = null,
): Promise<number> {
  // Synchronous from open to verdict: the engine has nothing else to do meanwhile, and fs/promises
  // reads in thread-pool round trips. Checked before it is opened: opening a FIFO for reading
  // would block the engine.
  if (!statSync(path).isFile()) throw new Error('the state is not a regular file');
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error('the state is not a regular file');
    if (info.size < STATE_HEADER_BYTES) throw new Error(`the state is truncated (${info.size} bytes)`);
    const header = Buffer.alloc(STATE_HEADER_BYTES);
    readAt(fd, header, 0, STATE_HEADER_BYTES);
    const tokenCount = Math.min(header.readUInt32LE(8), model.contextSize);
    const limit = maxStateBytes(layout, tokenCount);
    if (info.size > limit) throw new Error(`the state is ${info.size} bytes, more than this model writes (${limit})`);
    const source = new FileWindow(fd, info.size);
    let parsed: ParsedState | null = null;
    let malformed: Error | null = null;
    try {
      parsed = parseState(source, model, layout).parsed;
    } catch (error) {
      malformed = error as Error;
      if (sha256 === null) throw malformed;
    }
    const { digest, notFinite: bad } = sequentialPass(
      fd,
      info.size,
      sha256 !== null,
      parsed ? floatPayloads(parsed, layout) : [],
    );
    if (sha256 !== null && digest !== sha256) throw new Error('its checksum does not match: the bytes were changed');
    if (malformed) throw malformed;
    if (bad) throw notFinite(bad);
    return parsed!.tokens.length;
  } finally {
    closeSync(fd);
  }
}

/** Bytes read per step of the sequential pass; the buffer is kept between checks. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Bytes read at once while parsing the layout (its fields are small and in file order). */
const WINDOW_BYTES = 64 * 1024;
let chunk: Buffer | null = null;
let window: Buffer | null = null;

/** A state file as StateBytes: small reads served from a window moved forward as parsing goes. */
class FileWindow implements StateBytes {
  #start = 0;
  #filled = 0;
  constructor(
    readonly fd: number,
    readonly length: number,
  ) {}

  read(offset: number, bytes: number): Buffer {
    window ??= Buffer.allocUnsafe(WINDOW_BYTES);
    if (offset >= this.#start && offset + bytes <= this.#start + this.#filled) {
      return window.subarray(offset - this.#start, offset - this.#start + bytes);
    }
    if (bytes > WINDOW_BYTES) {
      // The token list of a long state: read whole, once.
      const whole = Buffer.allocUnsafe(bytes);
      readAt(this.fd, whole, offset, bytes);
      return whole;
    }
    this.#start = offset;
    this.#filled = Math.min(WINDOW_BYTES, this.length - offset);
    readAt(this.fd, window, offset, this.#filled);
    return window.subarray(0, bytes);
  }
}

/**
 * Reads the whole file once, in order: the sha256 of every byte (when asked), and the first float
 * payload holding a value that is not finite. A value split between two chunks is checked on its
 * own afterwards.
 */
function sequentialPass(
  fd: number,
  size: number,
  hashing: boolean,
  payloads: readonly FloatPayload[],
): { digest: string | null; notFinite: FloatPayload | null } {
  chunk ??= Buffer.allocUnsafe(CHUNK_BYTES);
  const hash = hashing ? createHash('sha256') : null;
  const split: { payload: FloatPayload; offset: number }[] = [];
  let found: FloatPayload | null = null;
  let next = 0;
  for (let from = 0; from < size; from += CHUNK_BYTES) {
    const bytes = Math.min(CHUNK_BYTES, size - from);
    readAt(fd, chunk, from, bytes);
    const view = chunk.subarray(0, bytes);
    hash?.update(view);
    const to = from + bytes;
    while (next < payloads.length && payloads[next]!.end <= from) next++;
    for (let index = next; !found && index < payloads.length && payloads[index]!.start < to; index++) {
      const payload = payloads[index]!;
      const first = Math.ceil((Math.max(payload.start, from) - payload.start) / payload.width);
      const values = Math.floor((payload.end - payload.start) / payload.width);
      const last = Math.min(values, Math.floor((to - payload.start) / payload.width));
      if (last > first && !allFinite(view, payload.start + first * payload.width - from, last - first, payload)) {
        found = payload;
      }
      if (last < values && payload.start + last * payload.width < to) {
        split.push({ payload, offset: payload.start + last * payload.width });
      }
    }
    if (found && !hash) break;
  }
  for (const { payload, offset } of split) {
    if (found) break;
    const value = Buffer.alloc(payload.width);
    readAt(fd, value, offset, payload.width);
    if (!allFinite(value, 0, 1, payload)) found = payload;
  }
  return { digest: hash?.digest('hex') ?? null, notFinite: found };
}

function readAt(fd: number, into: Buffer, position: number, bytes: number): void {
  let done = 0;
  while (done < bytes) {
    const read = readSync(fd, into, done, bytes - done, position + done);
    if (read === 0) throw new Error('the state ended while it was read');
    done += read;
  }
}

/** The most bytes a state of `tokens` tokens takes in this layout (a KV cell per token). */
function maxStateBytes(layout: StateLayout, tokens: number): number {
  const perCell = (section: StateSection) =>
    section.kind === 'kv'
      ? 12 +
        section.extBytes +
        [...section.k, ...section.v].reduce((sum, row) => sum + row.rowBytes * (row.width ?? 1), 0)
      : 8 + [...section.r, ...section.s].reduce((sum, row) => sum + row.rowBytes, 0);
  const fixed = 64 + 24 * layout.reduce((sum, section) => sum + section.layers * 2, 0);
  const cells = layout.reduce((sum, section) => sum + perCell(section) * (section.kind === 'kv' ? tokens : 1), 0);
  return STATE_HEADER_BYTES + 4 * tokens + fixed + cells;
}

/**
 * The layout this model's states have, learned from one the model writes itself: one token
 * evaluated on the empty sequence, saved, parsed. Null when no known layout fits (such states are
 * then not used). The sequence is left empty.
 */
export async function learnModelStateLayout(
  sequence: LlamaContextSequence,
  scratchPath: string,
  token: Token,
  model: StateModel,
): Promise<StateLayout | null> {
  await sequence.clearHistory();
  try {
    await sequence.evaluateWithoutGeneratingNewTokens([token]);
    await sequence.saveStateToFile(scratchPath);
    return learnStateLayout(await readFile(scratchPath), model);
  } finally {
    await unlink(scratchPath).catch(() => undefined);
    await sequence.clearHistory();
  }
}

/**
 * Goes once through what resuming a saved conversation does — a batch of prompt tokens evaluated,
 * a state saved, checked and loaded back — so that a fresh engine's first resumed message does not
 * pay the one-time costs of that path (measured ~60 ms on the rwkv7 bench model: the first batch
 * decode's set-up, the first state save and load, cold code). The sequence is left empty.
 */
export async function rehearseResume(
  sequence: LlamaContextSequence,
  scratchPath: string,
  tokens: readonly Token[],
  model: StateModel,
  layout: StateLayout | null,
): Promise<void> {
  if (tokens.length === 0) return;
  await sequence.clearHistory();
  try {
    await sequence.evaluateWithoutGeneratingNewTokens([...tokens]);
    await sequence.saveStateToFile(scratchPath);
    if (layout) await checkStateFile(scratchPath, model, layout);
    await sequence.clearHistory();
    await sequence.loadStateFromFile(scratchPath, { acceptRisk: true });
  } finally {
    await unlink(scratchPath).catch(() => undefined);
    await sequence.clearHistory();
  }
}
