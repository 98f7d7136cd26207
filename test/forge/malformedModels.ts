import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { isRegularFile, writeFileAtomically } from './atomicWriteFile.js';
import { defaultForgeCacheDir } from './forgeModels.js';
import type { ForgeModelSpec } from './forgeSpec.js';
import { buildForgeSpec, createForgeWriter, FORGE_VERSION } from './forgeSpec.js';

export type MalformedKind = 'truncated' | 'bad-magic' | 'shape-mismatch' | 'missing-key' | 'empty' | 'native-abort';

export const MALFORMED_KINDS: readonly MalformedKind[] = Object.freeze([
  'truncated',
  'bad-magic',
  'shape-mismatch',
  'missing-key',
  'empty',
  'native-abort',
]);

/** The tensor given a wrong shape, and the required key left out. */
export const MALFORMED_SHAPE_TENSOR = 'blk.0.attn_q.weight';
export const MALFORMED_MISSING_KEY = 'llama.attention.layer_norm_rms_epsilon';
/** Without it llama.cpp 3.22.1's loader fails `GGML_ASSERT(t_meta.ne[dim] >= 1)` and aborts (SIGABRT). */
export const MALFORMED_ABORT_KEY = 'rwkv7.attention.gate_lora_rank';

/**
 * `mentions`: words a good report of the fault contains, so a test can check that the app passes the
 * reason on instead of only "Failed to load model". Hearth's own pre-check (main/engine/process/
 * checkModelFile.ts) names truncated and empty files before any parser sees them; for the others the
 * words are llama.cpp's. What node-llama-cpp 3.22.1 and llama.cpp say on their own:
 * - truncated: llama.cpp logs "tensor '<name>' data is not within the file bounds, model is corrupted or
 *   incomplete" (which tensor depends on the cut, so the name is not part of the expectation);
 * - bad-magic and empty: node-llama-cpp's own GGUF reader throws 'Invalid GGUF magic. Expected "GGUF" but
 *   got "…"' before llama.cpp sees the file (llama.cpp itself would say "invalid magic characters" or
 *   "failed to read magic");
 * - shape-mismatch: "check_tensor_dims: tensor 'blk.0.attn_q.weight' has wrong shape; expected 64, 64,
 *   got 64, 32, 1, 1";
 * - missing-key: "error loading model hyperparameters: key not found in model:
 *   llama.attention.layer_norm_rms_epsilon".
 * Except for the two magic errors, node-llama-cpp rejects with a bare "Failed to load model" and the
 * reason reaches its logger separately, a moment later.
 */
export const MALFORMED_EXPECTATIONS: Record<MalformedKind, { describe: string; mentions: string }> = {
  truncated: {
    describe: 'a valid tiny llama file cut off halfway through its tensor data',
    mentions: 'truncated',
  },
  'bad-magic': {
    describe: 'a valid tiny llama file whose first four bytes are "GGXF" instead of "GGUF"',
    mentions: 'magic',
  },
  'shape-mismatch': {
    describe: `${MALFORMED_SHAPE_TENSOR} declared (and stored) with half its expected second dimension`,
    mentions: MALFORMED_SHAPE_TENSOR,
  },
  'missing-key': {
    describe: `a tiny llama file without the required ${MALFORMED_MISSING_KEY}`,
    mentions: MALFORMED_MISSING_KEY,
  },
  empty: {
    describe: 'a zero-byte .gguf file',
    mentions: 'empty',
  },
  'native-abort': {
    describe: `a tiny rwkv7 file without ${MALFORMED_ABORT_KEY}: llama.cpp aborts the whole process`,
    mentions: 'GGML_ASSERT',
  },
};

// Not GGUF, but printable, so llama.cpp's message shows what it found.
const BAD_MAGIC = Buffer.from('GGXF', 'latin1');

function baseSpec(): ForgeModelSpec {
  return buildForgeSpec('llama', { size: 'tiny' });
}

function withShapeMismatch(spec: ForgeModelSpec): ForgeModelSpec {
  const tensors = spec.tensors.map((tensor) => {
    if (tensor.name !== MALFORMED_SHAPE_TENSOR) return tensor;
    const [inputs, outputs, ...rest] = tensor.dims;
    if (inputs === undefined || outputs === undefined) throw new Error(`${tensor.name} is not a matrix`);
    // The writer sizes the data from the declared shape, so the file stays internally consistent and
    // only llama.cpp's check against the hyper-parameters can catch it.
    return { ...tensor, dims: [inputs, outputs / 2, ...rest] };
  });
  if (tensors.every((tensor, index) => tensor === spec.tensors[index])) {
    throw new Error(`${MALFORMED_SHAPE_TENSOR} is not in the base model`);
  }
  return { ...spec, tensors };
}

function withoutKey(spec: ForgeModelSpec, key: string): ForgeModelSpec {
  const metadata = spec.metadata.filter((entry) => entry.key !== key);
  if (metadata.length === spec.metadata.length) throw new Error(`${key} is not in the base model`);
  return { ...spec, metadata };
}

/** The bytes of one malformed file. Deterministic, like the forged models they are made from. */
export function malformedModelBuffer(kind: MalformedKind): Buffer {
  switch (kind) {
    case 'empty':
      return Buffer.alloc(0);
    case 'bad-magic': {
      const file = createForgeWriter(baseSpec()).toBuffer();
      BAD_MAGIC.copy(file, 0);
      return file;
    }
    case 'truncated': {
      const writer = createForgeWriter(baseSpec());
      const { dataOffset, totalBytes } = writer.layout();
      const file = writer.toBuffer();
      return file.subarray(0, dataOffset + Math.floor((totalBytes - dataOffset) / 2));
    }
    case 'shape-mismatch':
      return createForgeWriter(withShapeMismatch(baseSpec())).toBuffer();
    case 'missing-key':
      return createForgeWriter(withoutKey(baseSpec(), MALFORMED_MISSING_KEY)).toBuffer();
    case 'native-abort':
      return createForgeWriter(withoutKey(buildForgeSpec('rwkv7', { size: 'tiny' }), MALFORMED_ABORT_KEY)).toBuffer();
  }
}

export function malformedModelFileName(kind: MalformedKind): string {
  return `hearth-malformed-${kind}-v${FORGE_VERSION}.gguf`;
}

/** Writes each malformed file into the cache once; returns their absolute paths. */
export async function ensureMalformedModels(
  cacheDir: string = defaultForgeCacheDir(),
): Promise<Record<MalformedKind, string>> {
  const paths: Partial<Record<MalformedKind, string>> = {};
  for (const kind of MALFORMED_KINDS) {
    const path = resolve(cacheDir, malformedModelFileName(kind));
    if (!(await isRegularFile(path))) {
      await writeFileAtomically(path, (tempPath) => writeFile(tempPath, malformedModelBuffer(kind)));
    }
    paths[kind] = path;
  }
  return paths as Record<MalformedKind, string>;
}
