import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { allFinite, type FloatPayload, notFinite } from './stateLayout.js';

/** Bytes read per step of the sequential pass; the buffer is kept between checks. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
let chunk: Buffer | null = null;

/**
 * The second half of a state file's check (stateFile's openCheckedState is the first): one
 * sequential pass over the open file `fd` of `size` bytes, in fixed chunks, feeding the sha256
 * (when `sha256` is set) and the finite-number scan of `payloads`. Returns why the bytes must not be
 * used — a checksum mismatch first, whatever else is wrong — or null. Runs on the engine's thread
 * or on its state verifier thread (the same code, so both give the same verdict).
 */
export function verifyStateBytes(
  fd: number,
  size: number,
  sha256: string | null,
  payloads: readonly FloatPayload[],
): string | null {
  const { digest, notFinite: bad } = sequentialPass(fd, size, sha256 !== null, payloads);
  if (sha256 !== null && digest !== sha256) return CHECKSUM_MISMATCH;
  return bad ? notFinite(bad).message : null;
}

export const CHECKSUM_MISMATCH = 'its checksum does not match: the bytes were changed';

/**
 * Reads the whole file once, in order: the sha256 of every byte (when asked), and the first float
 * payload holding a value that is not finite. A value split between two chunks is checked on its
 * own afterwards.
 */
export function sequentialPass(
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

/** Reads exactly `bytes` at `position` (a short read is retried; the end of the file is an error). */
export function readAt(fd: number, into: Buffer, position: number, bytes: number): void {
  let done = 0;
  while (done < bytes) {
    const read = readSync(fd, into, done, bytes - done, position + done);
    if (read === 0) throw new Error('the state ended while it was read');
    done += read;
  }
}
