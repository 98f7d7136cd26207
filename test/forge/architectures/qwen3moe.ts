import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';

interface Qwen3MoeDimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly experts: number;
  readonly expertsUsed: number;
  readonly expertFeedForward: number;
}

const DIMENSIONS: Record<ForgeSize, Qwen3MoeDimensions> = {
  tiny: { embedding: 64, blocks: 2, heads: 4, kvHeads: 2, experts: 4, expertsUsed: 2, expertFeedForward: 64 },
  // 104.3M parameters, about 61M of them active per token.
  bench: { embedding: 768, blocks: 12, heads: 12, kvHeads: 4, experts: 4, expertsUsed: 2, expertFeedForward: 768 },
};

const OUTPUT_GAIN = 2;

/** Mixture-of-Experts transformer: Qwen3's per-head Q/K norms and a top-k routed expert FFN in every block. */
export function qwen3moeArchitecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, heads, kvHeads, experts, expertFeedForward: ffe } = dims;
  const headSize = e / heads;
  const vocab = request.vocabularySize;

  const tensors: TensorSpec[] = [
    // Small beside the blocks' unit-scale outputs: the residual stream then carries the context, not
    // mostly the current token, so the next token depends on what came before.
    { name: 'token_embd.weight', dims: [e, vocab], init: { kind: 'normal', std: 0.3 } },
    { name: 'output_norm.weight', dims: [e], init: 'ones' },
    { name: 'output.weight', dims: [e, vocab], init: { kind: 'random', gain: OUTPUT_GAIN } },
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
      // Router logits of unit scale, so different tokens pick different experts.
      blockTensor(block, 'ffn_gate_inp.weight', [e, experts]),
      blockTensor(block, 'ffn_gate_exps.weight', [e, ffe, experts]),
      blockTensor(block, 'ffn_up_exps.weight', [e, ffe, experts]),
      blockTensor(block, 'ffn_down_exps.weight', [ffe, e, experts]),
    );
  }

  return {
    architecture: 'qwen3moe',
    description: `mixture-of-experts transformer, ${experts} experts, ${dims.expertsUsed} used per token`,
    metadata: [
      uint32Entry('qwen3moe.context_length', request.contextLength),
      uint32Entry('qwen3moe.embedding_length', e),
      uint32Entry('qwen3moe.block_count', dims.blocks),
      uint32Entry('qwen3moe.feed_forward_length', ffe * dims.expertsUsed),
      uint32Entry('qwen3moe.attention.head_count', heads),
      uint32Entry('qwen3moe.attention.head_count_kv', kvHeads),
      uint32Entry('qwen3moe.attention.key_length', headSize),
      uint32Entry('qwen3moe.attention.value_length', headSize),
      float32Entry('qwen3moe.rope.freq_base', 1_000_000),
      float32Entry('qwen3moe.attention.layer_norm_rms_epsilon', 1e-6),
      uint32Entry('qwen3moe.expert_count', experts),
      uint32Entry('qwen3moe.expert_used_count', dims.expertsUsed),
      uint32Entry('qwen3moe.expert_feed_forward_length', ffe),
    ],
    tensors,
  };
}
