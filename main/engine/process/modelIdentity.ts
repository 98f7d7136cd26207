import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { GgufFileInfo } from 'node-llama-cpp';

/**
 * Names the weights without hashing a multi-gigabyte file: sha256 over the GGUF header, metadata
 * and tensor table (names, shapes, types, offsets) plus the file size. Two files that agree on all
 * of that but differ in tensor data would need a deliberate forgery; a re-quantised or re-trained
 * model always differs.
 */
export async function modelFingerprint(path: string, fileInfo: GgufFileInfo, fileSize: number): Promise<string> {
  const infoBytes = Math.min(fileInfo.infoEndOffset ?? fileSize, fileSize);
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (let offset = 0; offset < infoBytes;) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, infoBytes - offset), offset);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
  hash.update(`\0size=${fileSize}`);
  return `${hash.digest('hex')}:${fileSize}`;
}

/** The model's vocabulary size: the token list's length, or the embedding matrix's second dimension. */
export function vocabularySize(fileInfo: GgufFileInfo): number {
  const tokens = fileInfo.metadata.tokenizer?.ggml?.tokens;
  if (Array.isArray(tokens) && tokens.length > 0) return tokens.length;
  const embedding = fileInfo.tensorInfo?.find((tensor) => tensor.name === 'token_embd.weight');
  return Number(embedding?.dimensions[1] ?? 1);
}

/**
 * Bytes a state grows per token for an attention model: K and V (f16, llama.cpp's default cache
 * type) for every layer that has KV heads. Hybrids list KV heads per layer, with 0 for recurrent
 * layers. Used only to decide, before writing, whether a state would exceed the size cap.
 */
export function stateBytesPerToken(fileInfo: GgufFileInfo): number {
  const arch = fileInfo.architectureMetadata as {
    block_count?: number;
    embedding_length?: number;
    attention?: {
      head_count?: number | number[];
      head_count_kv?: number | number[];
      key_length?: number;
      value_length?: number;
    };
  };
  const layers = arch.block_count ?? 0;
  const headAt = (value: number | number[] | undefined, layer: number) =>
    Array.isArray(value) ? (value[layer] ?? 0) : (value ?? 0);
  let total = 0;
  for (let layer = 0; layer < layers; layer++) {
    const heads = headAt(arch.attention?.head_count, layer);
    const kvHeads = headAt(arch.attention?.head_count_kv ?? arch.attention?.head_count, layer);
    if (kvHeads === 0 || heads === 0) continue;
    const headSize = (arch.embedding_length ?? 0) / heads;
    const keyLength = arch.attention?.key_length ?? headSize;
    const valueLength = arch.attention?.value_length ?? headSize;
    total += kvHeads * (keyLength + valueLength) * 2;
  }
  return Math.round(total);
}

interface RecurrentMetadata {
  block_count?: number;
  embedding_length?: number;
  wkv?: { head_size?: number };
  ssm?: { conv_kernel?: number; inner_size?: number; state_size?: number; group_count?: number };
}

/**
 * The fixed recurrent state of one sequence, in bytes (f32), from the architecture's metadata:
 * RWKV keeps a head_size × head_size matrix per head plus two token-shift vectors per layer;
 * Mamba keeps its convolution window and its SSM state per layer. Checked against the state files
 * llama.cpp writes for the forged models. 0 for layers without recurrent state.
 */
export function recurrentStateBytes(architecture: string, fileInfo: GgufFileInfo): number {
  const meta = fileInfo.architectureMetadata as RecurrentMetadata;
  const layers = meta.block_count ?? 0;
  const embedding = meta.embedding_length ?? 0;
  if (architecture.startsWith('rwkv') || architecture.endsWith('rwkv7')) {
    const headSize = meta.wkv?.head_size ?? 64;
    return layers * (embedding * headSize + 2 * embedding) * 4;
  }
  const ssm = meta.ssm;
  if (!ssm?.inner_size || !ssm.state_size) return 0;
  const window = Math.max(0, (ssm.conv_kernel ?? 4) - 1);
  const groups = ssm.group_count ?? 0;
  const convChannels = ssm.inner_size + 2 * groups * ssm.state_size;
  return layers * (window * convChannels + ssm.state_size * ssm.inner_size) * 4;
}

/** Total parameters, and those in MoE expert tensors (named `*_exps`). */
export function parameterCounts(fileInfo: GgufFileInfo): { total: number; experts: number } {
  let total = 0;
  let experts = 0;
  for (const tensor of fileInfo.tensorInfo ?? []) {
    const count = tensor.dimensions.reduce<number>((product, dim) => product * Number(dim), 1);
    total += count;
    if (tensor.name.includes('_exps')) experts += count;
  }
  return { total, experts };
}

let cachedBuild: string | null = null;

/** "node-llama-cpp 3.22.1 / llama.cpp b6xxx": a state is only ever loaded by the build that wrote it. */
export function engineBuild(llamaCppRelease: string): string {
  if (!cachedBuild) {
    let dir = dirname(createRequire(import.meta.url).resolve('node-llama-cpp'));
    let version = 'unknown';
    for (let depth = 0; depth < 5; depth++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'node-llama-cpp' && pkg.version) {
          version = pkg.version;
          break;
        }
      } catch {
        // keep walking up
      }
      dir = dirname(dir);
    }
    cachedBuild = `node-llama-cpp ${version}`;
  }
  return `${cachedBuild} / llama.cpp ${llamaCppRelease}`;
}
