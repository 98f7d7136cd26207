import type { BandwidthMeasurement } from '../probeParts.js';

const BUFFER_BYTES = 128 * 1024 * 1024;
/** Doubles summed between two looks at the clock: 1 MiB, a fraction of a millisecond. */
const CHUNK = (1024 * 1024) / Float64Array.BYTES_PER_ELEMENT;

/**
 * The fallback's read-bandwidth probe: one thread summing a Float64Array much larger than most
 * caches for about `ms`. It reads lower than the native probe (one core, JIT-compiled code) and
 * blocks the calling thread while it runs; it is only the estimate used when the addon is absent.
 */
export function measureJsBandwidth(ms: number, bufferBytes = BUFFER_BYTES): BandwidthMeasurement {
  const words = new Float64Array(Math.max(CHUNK, Math.floor(bufferBytes / 8 / CHUNK) * CHUNK));
  words.fill(1); // touch every page before the clock starts, so page faults are not timed
  const start = performance.now();
  const deadline = start + ms;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let bytes = 0;
  let offset = 0;
  let now: number;
  do {
    const end = offset + CHUNK;
    for (let i = offset; i < end; i += 4) {
      s0 += words[i] ?? 0;
      s1 += words[i + 1] ?? 0;
      s2 += words[i + 2] ?? 0;
      s3 += words[i + 3] ?? 0;
    }
    bytes += CHUNK * Float64Array.BYTES_PER_ELEMENT;
    offset = end >= words.length ? 0 : end;
    now = performance.now();
  } while (now < deadline);
  // Every word is 1, so the sum must equal the words read (exact in doubles far beyond any run).
  // Checking it keeps the JIT from dropping the reads, and catches a probe that read nothing.
  if (s0 + s1 + s2 + s3 !== bytes / Float64Array.BYTES_PER_ELEMENT) {
    throw new Error('bandwidth probe: the buffer did not read back as written');
  }
  const seconds = (now - start) / 1000;
  return {
    gbPerSecond: bytes / seconds / 1e9,
    threads: 1,
    bytes,
    seconds,
    bufferBytes: words.length * Float64Array.BYTES_PER_ELEMENT,
  };
}
