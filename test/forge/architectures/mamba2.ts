import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';
import { SSM_A, SSM_DT_BIAS } from './ssmInits.js';

interface Mamba2Dimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly stateSize: number;
  readonly convKernel: number;
  readonly heads: number;
  readonly groups: number;
}

const DIMENSIONS: Record<ForgeSize, Mamba2Dimensions> = {
  tiny: { embedding: 64, blocks: 2, stateSize: 16, convKernel: 4, heads: 4, groups: 1 },
  // 88.5M parameters: E768 x 24 with 64-wide heads, like mamba2-130m with a smaller state.
  bench: { embedding: 768, blocks: 24, stateSize: 64, convKernel: 4, heads: 24, groups: 1 },
};

const OUTPUT_GAIN = 2;

/** Mamba-2 (state-space duality): scalar decay per head, grouped B/C, gated RMS norm before the output. */
export function mamba2Architecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, stateSize: state, convKernel: conv, heads, groups } = dims;
  const inner = 2 * e;
  const convChannels = inner + 2 * groups * state;
  // One projection yields z (gate), x, B, C and dt side by side.
  const inProjection = inner + convChannels + heads;
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
      blockTensor(block, 'ssm_in.weight', [e, inProjection]),
      blockTensor(block, 'ssm_conv1d.weight', [conv, convChannels]),
      blockTensor(block, 'ssm_conv1d.bias', [convChannels], 'zeros'),
      blockTensor(block, 'ssm_dt.bias', [heads], SSM_DT_BIAS),
      blockTensor(block, 'ssm_a', [1, heads], SSM_A),
      blockTensor(block, 'ssm_d', [1, heads], 'ones'),
      blockTensor(block, 'ssm_norm.weight', [inner / groups, groups], 'ones'),
      blockTensor(block, 'ssm_out.weight', [inner, e]),
    );
  }

  return {
    architecture: 'mamba2',
    description: 'Mamba-2 state-space model',
    metadata: [
      uint32Entry('mamba2.context_length', request.contextLength),
      uint32Entry('mamba2.embedding_length', e),
      uint32Entry('mamba2.block_count', dims.blocks),
      uint32Entry('mamba2.ssm.conv_kernel', conv),
      uint32Entry('mamba2.ssm.inner_size', inner),
      uint32Entry('mamba2.ssm.state_size', state),
      // For Mamba-2 llama.cpp reads the head count from the time-step rank key.
      uint32Entry('mamba2.ssm.time_step_rank', heads),
      uint32Entry('mamba2.ssm.group_count', groups),
      float32Entry('mamba2.attention.layer_norm_rms_epsilon', 1e-5),
    ],
    tensors,
  };
}
