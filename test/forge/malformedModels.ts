import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { isRegularFile, writeFileAtomically } from './atomicWriteFile.js';
import { defaultForgeCacheDir } from './forgeModels.js';
import type { MetadataEntry } from './architectures/architectureSpec.js';
import type { ForgeModelSpec } from './forgeSpec.js';
import { buildForgeSpec, createForgeWriter, FORGE_VERSION } from './forgeSpec.js';

export type MalformedKind =
  | 'truncated'
  | 'bad-magic'
  | 'shape-mismatch'
  | 'missing-key'
  | 'empty'
  | 'native-abort'
  // Hyper-parameters llama.cpp asserts on (it aborts the process instead of failing the load).
  | 'block-count-0'
  | 'block-count-513'
  | 'block-count-max'
  | 'head-count-0'
  | 'kv-head-count-0'
  | 'expert-count-1025'
  | 'experts-used-without-experts'
  | 'duplicate-token'
  // Header counts and lengths that a trusting reader allocates, loops or aborts on.
  | 'huge-string'
  | 'huge-array'
  | 'extra-tensor'
  | 'alignment-0'
  // Chat templates that never finish (Jinja is a program).
  | 'template-huge-range'
  | 'template-nested-loops'
  | 'template-1mib';

export const MALFORMED_KINDS: readonly MalformedKind[] = Object.freeze([
  'truncated',
  'bad-magic',
  'shape-mismatch',
  'missing-key',
  'empty',
  'native-abort',
  'block-count-0',
  'block-count-513',
  'block-count-max',
  'head-count-0',
  'kv-head-count-0',
  'expert-count-1025',
  'experts-used-without-experts',
  'duplicate-token',
  'huge-string',
  'huge-array',
  'extra-tensor',
  'alignment-0',
  'template-huge-range',
  'template-nested-loops',
  'template-1mib',
]);

/** The lengths a hostile header claims: a 2^31-byte string, a 2^28-element array. */
export const MALFORMED_HUGE_STRING_BYTES = 2 ** 31;
export const MALFORMED_HUGE_ARRAY_LENGTH = 2 ** 28;
const HUGE_ARRAY_KEY = 'hearth.test.array';
const LOOPING_TEMPLATES = {
  'template-huge-range': '{% for i in range(2147483647) %}{{ i }}{% endfor %}',
  'template-nested-loops':
    '{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}{{ "" }}{% endfor %}{% endfor %}{% endfor %}',
  'template-1mib': `{# ${'x'.repeat(1024 * 1024)} #}{% for message in messages %}{{ message.content }}{% endfor %}`,
} as const;

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
  'block-count-0': { describe: 'llama.block_count 0 (llama.cpp asserts 1..512)', mentions: 'llama.block_count is 0' },
  'block-count-513': {
    describe: 'llama.block_count 513 (over LLAMA_MAX_LAYERS)',
    mentions: 'llama.block_count is 513',
  },
  'block-count-max': {
    describe: 'llama.block_count 2^32-1 (left the engine unresponsive)',
    mentions: 'llama.block_count is 4294967295',
  },
  'head-count-0': { describe: 'llama.attention.head_count 0', mentions: 'llama.attention.head_count is 0' },
  'kv-head-count-0': { describe: 'llama.attention.head_count_kv 0', mentions: 'llama.attention.head_count_kv is 0' },
  'expert-count-1025': {
    describe: 'a qwen3moe file claiming 1,025 experts (over LLAMA_MAX_EXPERTS)',
    mentions: 'qwen3moe.expert_count is 1025',
  },
  'experts-used-without-experts': {
    describe: 'a dense llama file with llama.expert_used_count 2 and no experts',
    mentions: 'no experts',
  },
  'duplicate-token': { describe: 'two vocabulary entries with the same text', mentions: 'duplicate token' },
  'huge-string': {
    describe: 'general.description claiming a 2^31-byte string in a small file',
    mentions: String(MALFORMED_HUGE_STRING_BYTES),
  },
  'huge-array': {
    describe: `${HUGE_ARRAY_KEY} claiming 2^28 uint32 elements in a small file`,
    mentions: String(MALFORMED_HUGE_ARRAY_LENGTH),
  },
  'extra-tensor': { describe: 'a header claiming one tensor more than the file holds', mentions: 'tensor table' },
  'alignment-0': { describe: 'general.alignment 0', mentions: 'general.alignment' },
  'template-huge-range': { describe: 'a chat template looping over range(2^31)', mentions: 'chat template' },
  'template-nested-loops': {
    describe: 'a chat template with three nested 100,000-step loops',
    mentions: 'chat template',
  },
  'template-1mib': { describe: 'a 1 MiB chat template', mentions: 'chat template' },
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

/** The spec with `key` set to `value` (replaced where it exists, added where not). */
function withValue(spec: ForgeModelSpec, key: string, value: MetadataEntry['value']): ForgeModelSpec {
  const exists = spec.metadata.some((entry) => entry.key === key);
  const metadata = exists
    ? spec.metadata.map((entry) => (entry.key === key ? { key, value } : entry))
    : [...spec.metadata, { key, value }];
  return { ...spec, metadata };
}

function withDuplicateToken(spec: ForgeModelSpec): ForgeModelSpec {
  const entry = spec.metadata.find((e) => e.key === 'tokenizer.ggml.tokens');
  if (entry?.value.type !== 'string[]') throw new Error('the base model has no token list');
  const tokens = [...entry.value.value];
  tokens[tokens.length - 1] = tokens[tokens.length - 2] ?? '';
  return withValue(spec, 'tokenizer.ggml.tokens', { type: 'string[]', value: tokens });
}

/** Where the value of metadata `key` starts in a written file (after its length, name and type). */
function valueOffset(file: Buffer, key: string): number {
  const name = Buffer.from(key, 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(name.length));
  const at = file.indexOf(Buffer.concat([prefix, name]));
  if (at < 0) throw new Error(`${key} is not in the file`);
  return at + 8 + name.length + 4;
}

const uint32 = (value: number) => ({ type: 'uint32', value }) as const;

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
    case 'block-count-0':
      return written(withValue(baseSpec(), 'llama.block_count', uint32(0)));
    case 'block-count-513':
      return written(withValue(baseSpec(), 'llama.block_count', uint32(513)));
    case 'block-count-max':
      return written(withValue(baseSpec(), 'llama.block_count', uint32(0xffff_ffff)));
    case 'head-count-0':
      return written(withValue(baseSpec(), 'llama.attention.head_count', uint32(0)));
    case 'kv-head-count-0':
      return written(withValue(baseSpec(), 'llama.attention.head_count_kv', uint32(0)));
    case 'expert-count-1025':
      return written(withValue(buildForgeSpec('qwen3moe', { size: 'tiny' }), 'qwen3moe.expert_count', uint32(1025)));
    case 'experts-used-without-experts':
      return written(withValue(baseSpec(), 'llama.expert_used_count', uint32(2)));
    case 'duplicate-token':
      return written(withDuplicateToken(baseSpec()));
    case 'huge-string': {
      const file = written(baseSpec());
      file.writeBigUInt64LE(BigInt(MALFORMED_HUGE_STRING_BYTES), valueOffset(file, 'general.description'));
      return file;
    }
    case 'huge-array': {
      const file = written(withValue(baseSpec(), HUGE_ARRAY_KEY, { type: 'uint32[]', value: [1, 2, 3] }));
      // An array value is its element type (u32), then its length (u64).
      file.writeBigUInt64LE(BigInt(MALFORMED_HUGE_ARRAY_LENGTH), valueOffset(file, HUGE_ARRAY_KEY) + 4);
      return file;
    }
    case 'extra-tensor': {
      const file = written(baseSpec());
      file.writeBigUInt64LE(file.readBigUInt64LE(8) + 1n, 8);
      return file;
    }
    case 'alignment-0': {
      const file = written(baseSpec());
      file.writeUInt32LE(0, valueOffset(file, 'general.alignment'));
      return file;
    }
    case 'template-huge-range':
    case 'template-nested-loops':
    case 'template-1mib':
      return written(
        withValue(baseSpec(), 'tokenizer.chat_template', { type: 'string', value: LOOPING_TEMPLATES[kind] }),
      );
  }
}

function written(spec: ForgeModelSpec): Buffer {
  return createForgeWriter(spec).toBuffer();
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
