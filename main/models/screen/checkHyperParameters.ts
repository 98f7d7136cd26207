import { AppError } from '../../../contract/index.js';
import type { MetaValue } from './screenModelFile.js';

/** llama.cpp's LLAMA_MAX_LAYERS and LLAMA_MAX_EXPERTS (src/llama-hparams.h of the bundled build). */
export const LLAMA_MAX_LAYERS = 512;
export const LLAMA_MAX_EXPERTS = 1024;

/** Architectures without attention heads: their head counts are unused (Mamba files store 0). */
const WITHOUT_ATTENTION = new Set(['rwkv6', 'rwkv6qwen2', 'rwkv7', 'arwkv7', 'mamba', 'mamba2']);

/**
 * The hyper-parameters llama.cpp asserts on while loading (src/llama-model.cpp, load_hparams):
 * a bad value there aborts the whole process instead of failing the load, so they are checked
 * here first, each with its own message.
 */
export function checkHyperParameters(name: string, arch: string, metadata: ReadonlyMap<string, MetaValue>): void {
  const refuse = (reason: string): never => {
    throw AppError.localized('model_invalid', 'errorImpossibleHyperParameter', { name, detail: reason }, 'library');
  };
  const key = (suffix: string) => `${arch}.${suffix}`;
  const integer = (suffix: string): number | undefined => {
    const value = metadata.get(key(suffix));
    if (value === undefined) return undefined;
    if (typeof value !== 'number') return refuse(`${key(suffix)} is not a number`);
    return value;
  };

  const blocks = integer('block_count');
  if (blocks === undefined) return refuse(`${key('block_count')} is missing`);
  if (blocks < 1 || blocks > LLAMA_MAX_LAYERS) {
    refuse(`${key('block_count')} is ${blocks}; llama.cpp accepts 1 to ${LLAMA_MAX_LAYERS} layers`);
  }

  const experts = integer('expert_count') ?? 0;
  const usedPerLayer = perLayer(metadata.get(key('expert_used_count')), blocks) ?? [];
  const used = Math.max(0, ...usedPerLayer);
  const groups = integer('expert_group_count') ?? 0;
  const groupsUsed = integer('expert_group_used_count') ?? 0;
  if (experts > LLAMA_MAX_EXPERTS)
    refuse(`${key('expert_count')} is ${experts}; llama.cpp accepts at most ${LLAMA_MAX_EXPERTS} experts`);
  if (used > experts) {
    refuse(
      experts === 0
        ? `${key('expert_used_count')} is ${used} but the model has no experts (${key('expert_count')} is missing or 0)`
        : `${key('expert_used_count')} (${used}) is more than ${key('expert_count')} (${experts})`,
    );
  }
  if (experts > 0) {
    if (used === 0)
      refuse(`the model has ${experts} experts but uses none per token (${key('expert_used_count')} is missing or 0)`);
    if (groups >= experts) refuse(`${key('expert_group_count')} (${groups}) must be less than the ${experts} experts`);
    if (groups > 1 && (experts % groups !== 0 || groupsUsed === 0 || groupsUsed >= groups)) {
      refuse(`the expert groups do not fit: ${experts} experts, ${groups} groups, ${groupsUsed} used`);
    }
  } else if (groups !== 0) {
    refuse(`${key('expert_group_count')} is ${groups} but the model has no experts`);
  }

  if (!WITHOUT_ATTENTION.has(arch)) checkHeads(arch, metadata, blocks, refuse);
}

function checkHeads(
  arch: string,
  metadata: ReadonlyMap<string, MetaValue>,
  blocks: number,
  refuse: (reason: string) => never,
): void {
  const headKey = `${arch}.attention.head_count`;
  const kvKey = `${arch}.attention.head_count_kv`;
  const headValue = metadata.get(headKey);
  const kvValue = metadata.get(kvKey);
  // A single number applies to every layer; a zero there breaks every layer.
  if (headValue === 0) refuse(`${headKey} is 0`);
  if (kvValue === 0) refuse(`${kvKey} is 0`);
  const heads = perLayer(headValue, blocks);
  if (!heads) return;
  const kvHeads = perLayer(kvValue, blocks) ?? heads;
  for (let layer = 0; layer < blocks; layer++) {
    const h = heads[layer] ?? 0;
    const kv = kvHeads[layer] ?? 0;
    // Hybrids list 0 for their recurrent layers, in both arrays.
    if (h === 0 && kv === 0) continue;
    if (h === 0) refuse(`layer ${layer} has ${kv} KV heads but no attention heads`);
    if (kv === 0) refuse(`layer ${layer} has ${h} attention heads but no KV heads`);
    if (h % kv !== 0) refuse(`layer ${layer}: ${h} attention heads are not a multiple of ${kv} KV heads`);
  }
}

/** A per-layer value given as one number or an array; undefined when absent or not numeric. */
function perLayer(value: MetaValue | undefined, blocks: number): readonly number[] | undefined {
  if (typeof value === 'number') return new Array<number>(blocks).fill(value);
  if (Array.isArray(value)) return value as readonly number[];
  return undefined;
}
