import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorInit, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';

interface Rwkv6Dimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly headSize: number;
  readonly feedForward: number;
  readonly timeMixExtra: number;
  readonly timeDecayExtra: number;
}

const DIMENSIONS: Record<ForgeSize, Rwkv6Dimensions> = {
  tiny: { embedding: 64, blocks: 2, headSize: 16, feedForward: 224, timeMixExtra: 8, timeDecayExtra: 16 },
  // 96.8M parameters; real RWKV-6 shapes (head 64, FFN 3.5x, LoRA 32/64).
  bench: { embedding: 768, blocks: 12, headSize: 64, feedForward: 2688, timeMixExtra: 32, timeDecayExtra: 64 },
};

const OUTPUT_GAIN = 2;
// Token-shift interpolation factors live in [0, 1]: how much of the previous token each input sees.
const LERP: TensorInit = { kind: 'uniform', min: 0, max: 1 };
// The data-dependent LoRA corrections start small, as in trained models, so the base values dominate.
const LORA: TensorInit = { kind: 'random', gain: 0.1 };
// Per-channel decay is exp(-exp(d)): d in [-5, -0.5] spans memories from ~150 tokens down to ~2.
const DECAY: TensorInit = { kind: 'uniform', min: -5, max: -0.5 };

/** RWKV-6 "Finch": recurrent, constant-size state, data-dependent decay. */
export function rwkv6Architecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, headSize, feedForward: ff, timeMixExtra, timeDecayExtra } = dims;
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
    tensors.push(
      blockTensor(block, 'attn_norm.weight', [e], 'ones'),
      blockTensor(block, 'attn_norm.bias', [e], 'zeros'),
      blockTensor(block, 'attn_norm_2.weight', [e], 'ones'),
      blockTensor(block, 'attn_norm_2.bias', [e], 'zeros'),
      blockTensor(block, 'time_mix_w1.weight', [e, timeMixExtra * 5], LORA),
      blockTensor(block, 'time_mix_w2.weight', [timeMixExtra, e, 5], LORA),
      blockTensor(block, 'time_mix_lerp_x.weight', [e, 1, 1], LERP),
      // The fused form of the five lerps (w, k, v, r, g) that current converters write.
      blockTensor(block, 'time_mix_lerp_fused.weight', [e, 1, 1, 5], LERP),
      // The "bonus" given to the current token in the WKV sum.
      blockTensor(block, 'time_mix_first.weight', [headSize, e / headSize], { kind: 'normal', std: 0.3 }),
      blockTensor(block, 'time_mix_decay.weight', [e], DECAY),
      blockTensor(block, 'time_mix_decay_w1.weight', [e, timeDecayExtra], LORA),
      blockTensor(block, 'time_mix_decay_w2.weight', [timeDecayExtra, e], LORA),
      blockTensor(block, 'time_mix_key.weight', [e, e]),
      blockTensor(block, 'time_mix_value.weight', [e, e]),
      blockTensor(block, 'time_mix_receptance.weight', [e, e]),
      blockTensor(block, 'time_mix_gate.weight', [e, e]),
      // Group norm over each head's WKV output: it is what keeps a long-decay state from blowing up.
      blockTensor(block, 'time_mix_ln.weight', [e], 'ones'),
      blockTensor(block, 'time_mix_ln.bias', [e], 'zeros'),
      blockTensor(block, 'time_mix_output.weight', [e, e]),
      blockTensor(block, 'channel_mix_lerp_k.weight', [e, 1, 1], LERP),
      blockTensor(block, 'channel_mix_lerp_r.weight', [e, 1, 1], LERP),
      blockTensor(block, 'channel_mix_key.weight', [e, ff]),
      blockTensor(block, 'channel_mix_value.weight', [ff, e]),
      blockTensor(block, 'channel_mix_receptance.weight', [e, e]),
    );
  }

  return {
    architecture: 'rwkv6',
    description: 'RWKV-6 recurrent model',
    metadata: [
      uint32Entry('rwkv6.context_length', request.contextLength),
      uint32Entry('rwkv6.embedding_length', e),
      uint32Entry('rwkv6.block_count', dims.blocks),
      uint32Entry('rwkv6.feed_forward_length', ff),
      uint32Entry('rwkv6.wkv.head_size', headSize),
      uint32Entry('rwkv6.time_mix_extra_dim', timeMixExtra),
      uint32Entry('rwkv6.time_decay_extra_dim', timeDecayExtra),
      // 0: F32 weights need none of the halving that real fp16 RWKV files use against overflow.
      uint32Entry('rwkv6.rescale_every_n_layers', 0),
      float32Entry('rwkv6.attention.layer_norm_epsilon', 1e-5),
    ],
    tensors,
  };
}
