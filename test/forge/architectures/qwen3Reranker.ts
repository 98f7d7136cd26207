import type { ArchitectureRequest, ArchitectureSpec, MetadataEntry, TensorSpec } from './architectureSpec.js';
import { uint32Entry } from './architectureSpec.js';
import { llamaArchitecture } from './llama.js';

// Qwen3-Reranker's GGUF head has one row per label; llama.cpp soft-maxes them and the first ("yes")
// is the relevance score node-llama-cpp returns.
const LABELS = ['yes', 'no'];
// LLAMA_POOLING_TYPE_RANK.
const POOLING_RANK = 4;

/**
 * A Qwen3-Reranker-shaped model: the forged llama's dense blocks under the `qwen3` architecture,
 * plus what qwen3 adds (per-head Q/K norms) and the `cls.output` classifier head llama.cpp's rank
 * pooling reads from the last token (node-llama-cpp's `createRankingContext` looks for it). It is
 * the smallest step from the chat forges to a model that ranks; its scores are random but fixed
 * by the seed.
 */
export function qwen3RerankerArchitecture(request: ArchitectureRequest): ArchitectureSpec {
  const llama = llamaArchitecture(request);
  const value = (key: string) => {
    const entry = llama.metadata.find((candidate) => candidate.key === `llama.${key}`);
    if (entry?.value.type !== 'uint32') throw new Error(`the llama forge has no llama.${key}`);
    return entry.value.value;
  };
  const embedding = value('embedding_length');
  const headSize = embedding / value('attention.head_count');

  const tensors: TensorSpec[] = llama.tensors.flatMap((tensor) => {
    const block = /^blk\.(\d+)\.attn_output\.weight$/.exec(tensor.name)?.[1];
    if (block === undefined) return [tensor];
    return [
      tensor,
      { name: `blk.${block}.attn_q_norm.weight`, dims: [headSize], init: 'ones' },
      { name: `blk.${block}.attn_k_norm.weight`, dims: [headSize], init: 'ones' },
    ];
  });
  // Gain 0.5: the two label logits differ by about a unit, so scores spread over roughly 0.2-0.5
  // (measured) rather than sitting near 0 or 1, and candidates get a clear order.
  tensors.push({ name: 'cls.output.weight', dims: [embedding, LABELS.length], init: { kind: 'random', gain: 0.5 } });

  const metadata: MetadataEntry[] = [
    ...llama.metadata.map((entry) => ({ ...entry, key: entry.key.replace(/^llama\./, 'qwen3.') })),
    uint32Entry('qwen3.attention.key_length', headSize),
    uint32Entry('qwen3.attention.value_length', headSize),
    uint32Entry('qwen3.pooling_type', POOLING_RANK),
    { key: 'qwen3.classifier.output_labels', value: { type: 'string[]', value: LABELS } },
  ];
  return { architecture: 'qwen3', description: 'qwen3 reranker with a yes/no classifier head', metadata, tensors };
}
