import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';

interface Qwen3RerankerDimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly feedForward: number;
}

const DIMENSIONS: Record<ForgeSize, Qwen3RerankerDimensions> = {
  tiny: { embedding: 64, blocks: 2, heads: 4, kvHeads: 2, feedForward: 128 },
  bench: { embedding: 768, blocks: 12, heads: 12, kvHeads: 4, feedForward: 3072 },
};

// Qwen3-Reranker's GGUF head has one row per label; llama.cpp soft-maxes them and the first ("yes")
// is the relevance score node-llama-cpp returns.
const LABELS = ['yes', 'no'];
// LLAMA_POOLING_TYPE_RANK.
const POOLING_RANK = 4;

/**
 * A Qwen3-Reranker-shaped model: a dense qwen3 transformer (per-head Q/K norms) with the
 * `cls.output` classifier head llama.cpp's rank pooling reads from the last token. It is the
 * smallest step from the forged llama/qwen3moe models to one `createRankingContext` accepts
 * (node-llama-cpp looks for `cls.output.weight`); its scores are random but fixed by the seed.
 */
export function qwen3RerankerArchitecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, heads, kvHeads, feedForward: ff } = dims;
  const headSize = e / heads;
  const vocab = request.vocabularySize;

  const tensors: TensorSpec[] = [
    { name: 'token_embd.weight', dims: [e, vocab], init: { kind: 'normal', std: 0.3 } },
    { name: 'output_norm.weight', dims: [e], init: 'ones' },
    { name: 'output.weight', dims: [e, vocab] },
    // Gain 0.5: the two label logits differ by about a unit, so scores spread over roughly
    // 0.2-0.5 (measured) rather than sitting near 0 or 1, and candidates get a clear order.
    { name: 'cls.output.weight', dims: [e, LABELS.length], init: { kind: 'random', gain: 0.5 } },
  ];
  for (const block of range(dims.blocks)) {
    tensors.push(
      blockTensor(block, 'attn_norm.weight', [e], 'ones'),
      blockTensor(block, 'attn_q.weight', [e, heads * headSize]),
      blockTensor(block, 'attn_k.weight', [e, kvHeads * headSize]),
      blockTensor(block, 'attn_v.weight', [e, kvHeads * headSize]),
      blockTensor(block, 'attn_output.weight', [heads * headSize, e]),
      blockTensor(block, 'attn_q_norm.weight', [headSize], 'ones'),
      blockTensor(block, 'attn_k_norm.weight', [headSize], 'ones'),
      blockTensor(block, 'ffn_norm.weight', [e], 'ones'),
      blockTensor(block, 'ffn_gate.weight', [e, ff]),
      blockTensor(block, 'ffn_up.weight', [e, ff]),
      blockTensor(block, 'ffn_down.weight', [ff, e]),
    );
  }

  return {
    architecture: 'qwen3',
    description: 'qwen3 reranker with a yes/no classifier head',
    metadata: [
      uint32Entry('qwen3.context_length', request.contextLength),
      uint32Entry('qwen3.embedding_length', e),
      uint32Entry('qwen3.block_count', dims.blocks),
      uint32Entry('qwen3.feed_forward_length', ff),
      uint32Entry('qwen3.attention.head_count', heads),
      uint32Entry('qwen3.attention.head_count_kv', kvHeads),
      uint32Entry('qwen3.attention.key_length', headSize),
      uint32Entry('qwen3.attention.value_length', headSize),
      float32Entry('qwen3.rope.freq_base', 1_000_000),
      float32Entry('qwen3.attention.layer_norm_rms_epsilon', 1e-6),
      uint32Entry('qwen3.pooling_type', POOLING_RANK),
      { key: 'qwen3.classifier.output_labels', value: { type: 'string[]', value: LABELS } },
    ],
    tensors,
  };
}
