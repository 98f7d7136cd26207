import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorInit, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';

interface Rwkv7Dimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly feedForward: number;
  readonly decayLoraRank: number;
  readonly iclrLoraRank: number;
  readonly valueResidualLoraRank: number;
  readonly gateLoraRank: number;
}

/**
 * Head size is 64 at every size: with 16 or 32 this build's CPU rwkv7 kernel gave run-to-run different
 * greedy output and a diverging state round-trip, without any warning. That is why tiny is E128, not E64.
 */
const HEAD_SIZE = 64;

const DIMENSIONS: Record<ForgeSize, Rwkv7Dimensions> = {
  tiny: {
    embedding: 128,
    blocks: 2,
    feedForward: 512,
    decayLoraRank: 16,
    iclrLoraRank: 16,
    valueResidualLoraRank: 8,
    gateLoraRank: 32,
  },
  // 90.9M parameters; the block shapes of RWKV-7 "Goose" 0.1B (E768 x 12).
  bench: {
    embedding: 768,
    blocks: 12,
    feedForward: 3072,
    decayLoraRank: 64,
    iclrLoraRank: 64,
    valueResidualLoraRank: 32,
    gateLoraRank: 128,
  },
};

const OUTPUT_GAIN = 2;
const LERP: TensorInit = { kind: 'uniform', min: 0, max: 1 };
const LORA: TensorInit = { kind: 'random', gain: 0.1 };

/** RWKV-7 "Goose": recurrent with a delta-rule state update (in-context learning rate `a`). */
export function rwkv7Architecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, feedForward: ff } = dims;
  const vocab = request.vocabularySize;

  const tensors: TensorSpec[] = [
    { name: 'token_embd.weight', dims: [e, vocab], init: { kind: 'normal', std: 1 } },
    { name: 'token_embd_norm.weight', dims: [e], init: 'ones' },
    { name: 'token_embd_norm.bias', dims: [e], init: 'zeros' },
    { name: 'output_norm.weight', dims: [e], init: 'ones' },
    { name: 'output_norm.bias', dims: [e], init: 'zeros' },
    { name: 'output.weight', dims: [e, vocab], init: { kind: 'random', gain: OUTPUT_GAIN } },
  ];
  for (const block of range(dims.blocks)) {
    // llama.cpp reads block 0's value-residual LoRA with the ICLR rank (block 0 has no residual to mix).
    const valueRank = block === 0 ? dims.iclrLoraRank : dims.valueResidualLoraRank;
    tensors.push(
      blockTensor(block, 'attn_norm.weight', [e], 'ones'),
      blockTensor(block, 'attn_norm.bias', [e], 'zeros'),
      blockTensor(block, 'attn_norm_2.weight', [e], 'ones'),
      blockTensor(block, 'attn_norm_2.bias', [e], 'zeros'),
      // Decay is exp(-0.607 * sigmoid(w0 + lora)): w0 in [-6, 0] keeps it between ~0.998 and ~0.74, long
      // enough that greedy output depends on more than the last few tokens.
      blockTensor(block, 'time_mix_w0.weight', [e], { kind: 'uniform', min: -6, max: 0 }),
      blockTensor(block, 'time_mix_w1.weight', [e, dims.decayLoraRank], LORA),
      blockTensor(block, 'time_mix_w2.weight', [dims.decayLoraRank, e], LORA),
      // The in-context learning rate is sigmoid(a0 + lora): centred near 0.5.
      blockTensor(block, 'time_mix_a0.weight', [e], { kind: 'normal', std: 0.5 }),
      blockTensor(block, 'time_mix_a1.weight', [e, dims.iclrLoraRank], LORA),
      blockTensor(block, 'time_mix_a2.weight', [dims.iclrLoraRank, e], LORA),
      blockTensor(block, 'time_mix_v0.weight', [e], 'ones'),
      blockTensor(block, 'time_mix_v1.weight', [e, valueRank], LORA),
      blockTensor(block, 'time_mix_v2.weight', [valueRank, e], LORA),
      blockTensor(block, 'time_mix_g1.weight', [e, dims.gateLoraRank]),
      blockTensor(block, 'time_mix_g2.weight', [dims.gateLoraRank, e]),
      // Six token-shift lerps: r, w, k, v, a, g.
      blockTensor(block, 'time_mix_lerp_fused.weight', [e, 1, 1, 6], LERP),
      // The values trained RWKV-7 models start from: k_k scales the removal key, k_a gates k by a.
      blockTensor(block, 'time_mix_k_k.weight', [e], { kind: 'constant', value: 0.85 }),
      blockTensor(block, 'time_mix_k_a.weight', [e], 'ones'),
      blockTensor(block, 'time_mix_r_k.weight', [e], { kind: 'normal', std: 0.1 }),
      blockTensor(block, 'time_mix_key.weight', [e, e]),
      blockTensor(block, 'time_mix_value.weight', [e, e]),
      blockTensor(block, 'time_mix_receptance.weight', [e, e]),
      blockTensor(block, 'time_mix_ln.weight', [e], 'ones'),
      blockTensor(block, 'time_mix_ln.bias', [e], 'zeros'),
      blockTensor(block, 'time_mix_output.weight', [e, e]),
      blockTensor(block, 'channel_mix_lerp_k.weight', [e, 1, 1], LERP),
      blockTensor(block, 'channel_mix_key.weight', [e, ff]),
      blockTensor(block, 'channel_mix_value.weight', [ff, e]),
    );
  }

  return {
    architecture: 'rwkv7',
    description: 'RWKV-7 recurrent model',
    metadata: [
      uint32Entry('rwkv7.context_length', request.contextLength),
      uint32Entry('rwkv7.embedding_length', e),
      uint32Entry('rwkv7.block_count', dims.blocks),
      uint32Entry('rwkv7.feed_forward_length', ff),
      uint32Entry('rwkv7.wkv.head_size', HEAD_SIZE),
      uint32Entry('rwkv7.attention.decay_lora_rank', dims.decayLoraRank),
      uint32Entry('rwkv7.attention.iclr_lora_rank', dims.iclrLoraRank),
      uint32Entry('rwkv7.attention.value_residual_mix_lora_rank', dims.valueResidualLoraRank),
      uint32Entry('rwkv7.attention.gate_lora_rank', dims.gateLoraRank),
      float32Entry('rwkv7.attention.layer_norm_epsilon', 1e-5),
    ],
    tensors,
  };
}
