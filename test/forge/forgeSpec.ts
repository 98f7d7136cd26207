import type {
  ArchitectureBuilder,
  ArchitectureSpec,
  ForgeSize,
  MetadataEntry,
  TensorSpec,
} from './architectures/architectureSpec.js';
import { llamaArchitecture } from './architectures/llama.js';
import { mambaArchitecture } from './architectures/mamba.js';
import { mamba2Architecture } from './architectures/mamba2.js';
import { qwen3moeArchitecture } from './architectures/qwen3moe.js';
import { qwen3RerankerArchitecture } from './architectures/qwen3Reranker.js';
import { rwkv6Architecture } from './architectures/rwkv6.js';
import { rwkv7Architecture } from './architectures/rwkv7.js';
import { buildByteTokenizer, TOKEN_TYPE_CONTROL } from './byteTokenizer.js';
import { GgufWriter } from './GgufWriter.js';
import { tensorFiller } from './tensorFill.js';

export type { ForgeSize } from './architectures/architectureSpec.js';

/** The chat models every architecture test runs over. */
export type ChatForgedArch = 'rwkv7' | 'rwkv6' | 'mamba2' | 'mamba' | 'qwen3moe' | 'llama';
/** Plus a ranking model (Qwen3-Reranker-shaped), forged on its own: it is not a chat model. */
export type ForgedArch = ChatForgedArch | 'qwen3rerank';

const ARCHITECTURES: Record<ForgedArch, ArchitectureBuilder> = {
  rwkv7: rwkv7Architecture,
  rwkv6: rwkv6Architecture,
  mamba2: mamba2Architecture,
  mamba: mambaArchitecture,
  qwen3moe: qwen3moeArchitecture,
  llama: llamaArchitecture,
  qwen3rerank: qwen3RerankerArchitecture,
};

export const FORGED_ARCHS: readonly ChatForgedArch[] = Object.freeze([
  'rwkv7',
  'rwkv6',
  'mamba2',
  'mamba',
  'qwen3moe',
  'llama',
]);

const FORGE_SIZES: readonly ForgeSize[] = ['tiny', 'bench'];

/**
 * Bump whenever a change here, in an architecture, the tokenizer, the random streams or the writer
 * changes the bytes of a forged file. It is part of every cached file's name, so old caches go stale.
 */
export const FORGE_VERSION = 2;

export const DEFAULT_FORGE_SEED = 1;
export const DEFAULT_FORGE_CONTEXT_LENGTH = 4096;

// LLAMA_FTYPE_ALL_F32.
const FILE_TYPE_ALL_F32 = 0;

export interface ForgeOptions {
  size?: ForgeSize;
  seed?: number;
  contextLength?: number;
}

export interface ResolvedForgeOptions {
  readonly size: ForgeSize;
  readonly seed: number;
  readonly contextLength: number;
}

/** Everything that goes into one forged file, before any bytes are made. */
export interface ForgeModelSpec {
  readonly arch: ForgedArch;
  readonly options: ResolvedForgeOptions;
  readonly metadata: readonly MetadataEntry[];
  readonly tensors: readonly TensorSpec[];
}

export function isForgedArch(value: string): value is ForgedArch {
  return Object.hasOwn(ARCHITECTURES, value);
}

export function isForgeSize(value: string): value is ForgeSize {
  return (FORGE_SIZES as readonly string[]).includes(value);
}

export function resolveForgeOptions(options: ForgeOptions = {}): ResolvedForgeOptions {
  const size = options.size ?? 'tiny';
  const seed = options.seed ?? DEFAULT_FORGE_SEED;
  const contextLength = options.contextLength ?? DEFAULT_FORGE_CONTEXT_LENGTH;
  if (!isForgeSize(size)) throw new Error(`unknown forge size ${String(size)}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`forge seed must be an integer in [0, 2^32), got ${seed}`);
  }
  if (!Number.isInteger(contextLength) || contextLength < 1 || contextLength > 0xffff_ffff) {
    throw new RangeError(`forge context length must be a positive 32-bit integer, got ${contextLength}`);
  }
  return { size, seed, contextLength };
}

export function forgedModelName(arch: ForgedArch, size: ForgeSize): string {
  return `hearth-forged-${arch}-${size}`;
}

function commonMetadata(arch: ForgedArch, options: ResolvedForgeOptions, spec: ArchitectureSpec): MetadataEntry[] {
  const tokenizer = buildByteTokenizer();
  return [
    { key: 'general.architecture', value: { type: 'string', value: spec.architecture } },
    { key: 'general.name', value: { type: 'string', value: forgedModelName(arch, options.size) } },
    {
      key: 'general.description',
      value: {
        type: 'string',
        value:
          `Forged test model for Hearth (${spec.description}), seed ${options.seed}, forge v${FORGE_VERSION}: ` +
          'random weights, its output is gibberish.',
      },
    },
    { key: 'general.file_type', value: { type: 'uint32', value: FILE_TYPE_ALL_F32 } },
    { key: 'tokenizer.ggml.model', value: { type: 'string', value: tokenizer.model } },
    { key: 'tokenizer.ggml.pre', value: { type: 'string', value: tokenizer.pre } },
    { key: 'tokenizer.ggml.tokens', value: { type: 'string[]', value: tokenizer.tokens } },
    { key: 'tokenizer.ggml.token_type', value: { type: 'int32[]', value: tokenizer.tokenTypes } },
    { key: 'tokenizer.ggml.merges', value: { type: 'string[]', value: tokenizer.merges } },
    { key: 'tokenizer.ggml.bos_token_id', value: { type: 'uint32', value: tokenizer.bosTokenId } },
    { key: 'tokenizer.ggml.eos_token_id', value: { type: 'uint32', value: tokenizer.eosTokenId } },
    // ChatML models start with <|im_start|>, not a BOS token.
    { key: 'tokenizer.ggml.add_bos_token', value: { type: 'bool', value: false } },
    { key: 'tokenizer.chat_template', value: { type: 'string', value: tokenizer.chatTemplate } },
  ];
}

export function buildForgeSpec(arch: ForgedArch, options: ForgeOptions = {}): ForgeModelSpec {
  if (!isForgedArch(arch)) throw new Error(`unknown forged architecture ${String(arch)}`);
  const resolved = resolveForgeOptions(options);
  const vocabularySize = buildByteTokenizer().tokens.length;
  const spec = ARCHITECTURES[arch]({ size: resolved.size, contextLength: resolved.contextLength, vocabularySize });
  return {
    arch,
    options: resolved,
    metadata: [...commonMetadata(arch, resolved, spec), ...spec.metadata],
    tensors: spec.tensors,
  };
}

/** A writer holding the spec; tensor data is produced only when the writer writes. */
export function createForgeWriter(spec: ForgeModelSpec): GgufWriter {
  const writer = new GgufWriter();
  for (const entry of spec.metadata) writer.set(entry.key, entry.value);
  for (const tensor of spec.tensors) {
    const fill = tensorFiller(tensor, spec.options.seed);
    writer.addTensor(
      tensor.name,
      tensor.dims,
      tensor.name === 'output.weight' ? silenceControlTokens(fill, tensor) : fill,
    );
  }
  return writer;
}

/**
 * Zeroes the output rows of the control tokens (<|endoftext|>, <|im_start|>, <|im_end|>), so their
 * logit is always 0 while ~300 random logits spread around 0: greedy decoding then never ends a turn
 * or opens a new one by chance, and tests can ask for an exact number of tokens. Sampling at a
 * temperature can still pick them, as with a real model.
 */
function silenceControlTokens(
  fill: (target: Float32Array) => void,
  tensor: TensorSpec,
): (target: Float32Array) => void {
  const rowLength = tensor.dims[0] ?? 0;
  const tokenizer = buildByteTokenizer();
  const controlIds = tokenizer.tokenTypes.flatMap((type, id) => (type === TOKEN_TYPE_CONTROL ? [id] : []));
  return (target) => {
    fill(target);
    for (const id of controlIds) target.fill(0, id * rowLength, (id + 1) * rowLength);
  };
}
