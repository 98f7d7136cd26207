import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';

interface LlamaDimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly heads: number;
  /** Fewer KV heads than query heads, so grouped-query attention is exercised too. */
  readonly kvHeads: number;
  readonly feedForward: number;
}

const DIMENSIONS: Record<ForgeSize, LlamaDimensions> = {
  tiny: { embedding: 64, blocks: 2, heads: 4, kvHeads: 2, feedForward: 128 },
  // 104.3M parameters.
  bench: { embedding: 768, blocks: 12, heads: 12, kvHeads: 4, feedForward: 3072 },
};

// A little sharper than unit logits, so greedy choices are decided by the context, not by rounding noise.
const OUTPUT_GAIN = 2;

/** Dense transformer: RMS norm, RoPE attention with GQA, SwiGLU feed-forward. */
export function llamaArchitecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, heads, kvHeads, feedForward: ff } = dims;
  const headSize = e / heads;
  const vocab = request.vocabularySize;

  const tensors: TensorSpec[] = [
    // Small beside the blocks' unit-scale outputs: the residual stream then carries the context, not
    // mostly the current token, so the next token depends on what came before.
    { name: 'token_embd.weight', dims: [e, vocab], init: { kind: 'normal', std: 0.3 } },
    { name: 'output_norm.weight', dims: [e], init: 'ones' },
    // Its own output matrix: tied to random embeddings, greedy decoding keeps choosing the input token.
    { name: 'output.weight', dims: [e, vocab], init: { kind: 'random', gain: OUTPUT_GAIN } },
  ];
  for (const block of range(dims.blocks)) {
    tensors.push(
      blockTensor(block, 'attn_norm.weight', [e], 'ones'),
      blockTensor(block, 'attn_q.weight', [e, heads * headSize]),
      blockTensor(block, 'attn_k.weight', [e, kvHeads * headSize]),
      blockTensor(block, 'attn_v.weight', [e, kvHeads * headSize]),
      blockTensor(block, 'attn_output.weight', [heads * headSize, e]),
      blockTensor(block, 'ffn_norm.weight', [e], 'ones'),
      blockTensor(block, 'ffn_gate.weight', [e, ff]),
      blockTensor(block, 'ffn_up.weight', [e, ff]),
      blockTensor(block, 'ffn_down.weight', [ff, e]),
    );
  }

  return {
    architecture: 'llama',
    description: 'dense llama-style transformer',
    metadata: [
      uint32Entry('llama.context_length', request.contextLength),
      uint32Entry('llama.embedding_length', e),
      uint32Entry('llama.block_count', dims.blocks),
      uint32Entry('llama.feed_forward_length', ff),
      uint32Entry('llama.attention.head_count', heads),
      // Without it llama.cpp assumes as many KV heads as query heads and rejects the K/V shapes.
      uint32Entry('llama.attention.head_count_kv', kvHeads),
      uint32Entry('llama.rope.dimension_count', headSize),
      float32Entry('llama.rope.freq_base', 10000),
      float32Entry('llama.attention.layer_norm_rms_epsilon', 1e-5),
    ],
    tensors,
  };
}
