import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import type { LlamaContextSequence, Token } from 'node-llama-cpp';
import {
  checkStateBytes,
  learnStateLayout,
  STATE_HEADER_BYTES,
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
 * line of defence (a damaged state aborts llama.cpp or loads into wrong answers). A file larger
 * than the layout allows for its token count is refused before it is read into memory.
 * With `sha256` (a file main lent from its copy on disk without reading it), the bytes must also
 * match the checksum they were stored with.
 * Returns the number of tokens the state holds, or throws with the reason.
 */
export async function checkStateFile(
  path: string,
  model: StateModel,
  layout: StateLayout,
  sha256: string | null = null,
): Promise<number> {
  // Synchronous from open to verdict: the engine has nothing else to do meanwhile, fs/promises
  // reads megabytes in 512 KB thread-pool round trips, and the reused buffer must not be shared.
  // Checked before it is opened: opening a FIFO for reading would block the engine.
  if (!statSync(path).isFile()) throw new Error('the state is not a regular file');
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error('the state is not a regular file');
    if (info.size < STATE_HEADER_BYTES) throw new Error(`the state is truncated (${info.size} bytes)`);
    const header = Buffer.alloc(STATE_HEADER_BYTES);
    readFully(fd, header);
    const tokenCount = Math.min(header.readUInt32LE(8), model.contextSize);
    const limit = maxStateBytes(layout, tokenCount);
    if (info.size > limit) throw new Error(`the state is ${info.size} bytes, more than this model writes (${limit})`);
    const data = readBuffer(info.size);
    readFully(fd, data);
    if (sha256 !== null && createHash('sha256').update(data).digest('hex') !== sha256) {
      throw new Error('its checksum does not match: the bytes were changed');
    }
    return checkStateBytes(data, model, layout);
  } finally {
    closeSync(fd);
  }
}

/**
 * States up to this size are read into one buffer kept between checks: a fresh one costs a page
 * fault per 4 KB on first touch (measured 8 ms for 2.4 MB in a VM, 0.5 ms into reused memory).
 */
const REUSED_BUFFER_MAX = 64 * 1024 * 1024;
let reused: Buffer | null = null;

/** A buffer of `size` bytes for one check; its contents are not kept past it. */
function readBuffer(size: number): Buffer {
  if (size > REUSED_BUFFER_MAX) return Buffer.allocUnsafe(size);
  if (!reused || reused.length < size) reused = Buffer.allocUnsafe(size);
  return reused.subarray(0, size);
}

function readFully(fd: number, into: Buffer): void {
  let done = 0;
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, done);
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
