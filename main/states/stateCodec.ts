import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Compression } from '../storage/StateStore.js';

/** Compression is kept only when it saves at least this share: float tensors barely compress. */
const MIN_SAVING = 0.1;
/** States larger than this are first judged on samples (deflating 10 MB to keep none of it cost 200 ms). */
const SAMPLED_ABOVE = 1024 * 1024;
const SAMPLES = 4;
const SAMPLE_BYTES = 64 * 1024;

export interface EncodedState {
  compression: Compression;
  data: Buffer;
  sha256: string;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Prepares a state for storage: its checksum (of the raw bytes, so it also vouches for the
 * decompression), and a fast deflate when that pays.
 */
export function encodeState(raw: Buffer): EncodedState {
  const checksum = sha256(raw);
  if (!mayCompress(raw)) return { compression: 'none', data: raw, sha256: checksum };
  const deflated = deflateRawSync(raw, { level: 1 });
  return deflated.length <= raw.length * (1 - MIN_SAVING)
    ? { compression: 'deflate', data: deflated, sha256: checksum }
    : { compression: 'none', data: raw, sha256: checksum };
}

/** Whether samples spread over a large state deflate well enough for the whole to be tried. */
function mayCompress(raw: Buffer): boolean {
  if (raw.length <= SAMPLED_ABOVE) return true;
  const stride = Math.floor((raw.length - SAMPLE_BYTES) / (SAMPLES - 1));
  let deflated = 0;
  for (let i = 0; i < SAMPLES; i++) {
    deflated += deflateRawSync(raw.subarray(i * stride, i * stride + SAMPLE_BYTES), { level: 1 }).length;
  }
  return deflated <= SAMPLES * SAMPLE_BYTES * (1 - MIN_SAVING);
}

/** The raw state bytes, or an Error saying why they cannot be trusted. */
export function decodeState(
  stored: Buffer,
  compression: Compression,
  expectedSha256: string,
  byteSize: number,
): Buffer {
  let raw: Buffer;
  try {
    raw = compression === 'deflate' ? inflateRawSync(stored, { maxOutputLength: byteSize + 1 }) : stored;
  } catch (error) {
    throw new Error(`it does not decompress (${(error as Error).message})`, { cause: error });
  }
  if (raw.length !== byteSize) throw new Error(`it is ${raw.length} bytes, ${byteSize} were saved`);
  if (sha256(raw) !== expectedSha256) throw new Error('its checksum does not match: the bytes were changed');
  return raw;
}
