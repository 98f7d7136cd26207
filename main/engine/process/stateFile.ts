import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import type { LlamaContextSequence, Token } from 'node-llama-cpp';
import type { StateVerifier } from './StateVerifier.js';
import { CHECKSUM_MISMATCH, readAt, sequentialPass, verifyStateBytes } from './stateBytes.js';
import {
  type FloatPayload,
  floatPayloads,
  learnStateLayout,
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

/** A state file whose layout passed (openCheckedState), still open for its bytes' check. */
export interface OpenedState {
  /** Open for reading; the caller closes it once the bytes are checked (verifyStateBytes). */
  fd: number;
  size: number;
  /** The tokens the state holds (what llama.cpp will give the sequence). */
  tokens: Token[];
  /** Where its numbers are, for the finite-number scan. */
  payloads: FloatPayload[];
}

/**
 * Checks a state file before llama.cpp reads it, against the layout this model writes — in two
 * halves. This first one, before the load: header, tokens in the vocabulary, every section's
 * counts, types and sizes, positions and exact length; what llama.cpp would abort on or read out of
 * bounds. A file larger than the layout allows for its token count is refused before it is read,
 * and it is parsed through a small window, never held in memory whole. The second half
 * (stateBytes' verifyStateBytes) reads every byte once: the checksum and finite numbers. Main has
 * already checked provenance (and the checksum, unless it lent its on-disk copy: then `sha256` is
 * what the bytes must hash to, and a file whose layout is wrong is judged by its checksum first).
 * Throws with the reason (the file closed), or returns it open.
 */
export function openCheckedState(
  path: string,
  model: StateModel,
  layout: StateLayout,
  sha256: string | null = null,
): OpenedState {
  // Synchronous from open to the layout's verdict: llama.cpp waits on it, and fs/promises
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
    let parsed: ParsedState;
    try {
      parsed = parseState(new FileWindow(fd, info.size), model, layout).parsed;
    } catch (malformed) {
      if (sha256 !== null && sequentialPass(fd, info.size, true, []).digest !== sha256) {
        throw new Error(CHECKSUM_MISMATCH, { cause: malformed });
      }
      throw malformed;
    }
    return { fd, size: info.size, tokens: parsed.tokens as Token[], payloads: floatPayloads(parsed, layout) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Both halves of the check in one go, on this thread: returns the number of tokens the state
 * holds, or throws with the reason. (A resumed turn runs the second half on the verifier thread
 * while the prompt is read: see runTurn.)
 */
export async function checkStateFile(
  path: string,
  model: StateModel,
  layout: StateLayout,
  sha256: string | null = null,
): Promise<number> {
  const opened = openCheckedState(path, model, layout, sha256);
  try {
    const problem = verifyStateBytes(opened.fd, opened.size, sha256, opened.payloads);
    if (problem) throw new Error(problem);
    return opened.tokens.length;
  } finally {
    closeSync(opened.fd);
  }
}

/** Bytes read at once while parsing the layout (its fields are small and in file order). */
const WINDOW_BYTES = 64 * 1024;
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
 * a state saved, checked (on the verifier thread) and loaded back — so that a fresh engine's first
 * resumed message does not pay the one-time costs of that path (measured ~60 ms on the rwkv7 bench
 * model: the first batch decode's set-up, the first state save and load, cold code). The sequence is left empty.
 */
export async function rehearseResume(
  sequence: LlamaContextSequence,
  scratchPath: string,
  tokens: readonly Token[],
  model: StateModel,
  layout: StateLayout | null,
  verifier: StateVerifier,
): Promise<void> {
  if (tokens.length === 0) return;
  await sequence.clearHistory();
  try {
    await sequence.evaluateWithoutGeneratingNewTokens([...tokens]);
    await sequence.saveStateToFile(scratchPath);
    if (layout) {
      const problem = await verifier.verify(openCheckedState(scratchPath, model, layout), null);
      if (problem) throw new Error(problem);
    }
    await sequence.clearHistory();
    await sequence.loadStateFromFile(scratchPath, { acceptRisk: true });
  } finally {
    await unlink(scratchPath).catch(() => undefined);
    await sequence.clearHistory();
  }
}
