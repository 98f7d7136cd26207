import type { ArchitectureRequest, ArchitectureSpec, ForgeSize, TensorSpec } from './architectureSpec.js';
import { blockTensor, float32Entry, range, uint32Entry } from './architectureSpec.js';
import { SSM_A, SSM_DT_BIAS } from './ssmInits.js';

interface MambaDimensions {
  readonly embedding: number;
  readonly blocks: number;
  readonly stateSize: number;
  readonly convKernel: number;
}

const DIMENSIONS: Record<ForgeSize, MambaDimensions> = {
  tiny: { embedding: 64, blocks: 2, stateSize: 16, convKernel: 4 },
  // 91.0M parameters; the block shapes of mamba-130m (E768 x 24).
  bench: { embedding: 768, blocks: 24, stateSize: 16, convKernel: 4 },
};

const OUTPUT_GAIN = 2;

/** Mamba (selective state-space model, v1): recurrent, constant-size state. */
export function mambaArchitecture(request: ArchitectureRequest): ArchitectureSpec {
  const dims = DIMENSIONS[request.size];
  const { embedding: e, stateSize: state, convKernel: conv } = dims;
  // llama.cpp supports only the expansion factor 2.
  const inner = 2 * e;
  // Mamba's default time-step rank, ceil(E / 16).
  const dtRank = Math.ceil(e / 16);
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
      blockTensor(block, 'ssm_in.weight', [e, 2 * inner]),
      blockTensor(block, 'ssm_conv1d.weight', [conv, inner]),
      blockTensor(block, 'ssm_conv1d.bias', [inner], 'zeros'),
      blockTensor(block, 'ssm_x.weight', [inner, dtRank + 2 * state]),
      blockTensor(block, 'ssm_dt.weight', [dtRank, inner], { kind: 'random', gain: 0.5 }),
      blockTensor(block, 'ssm_dt.bias', [inner], SSM_DT_BIAS),
      // llama.cpp names these two without a ".weight" suffix.
      blockTensor(block, 'ssm_a', [state, inner], SSM_A),
      blockTensor(block, 'ssm_d', [inner], 'ones'),
      blockTensor(block, 'ssm_out.weight', [inner, e]),
    );
  }

  return {
    architecture: 'mamba',
    description: 'Mamba selective state-space model',
    metadata: [
      uint32Entry('mamba.context_length', request.contextLength),
      uint32Entry('mamba.embedding_length', e),
      uint32Entry('mamba.block_count', dims.blocks),
      uint32Entry('mamba.ssm.conv_kernel', conv),
      uint32Entry('mamba.ssm.inner_size', inner),
      uint32Entry('mamba.ssm.state_size', state),
      uint32Entry('mamba.ssm.time_step_rank', dtRank),
      float32Entry('mamba.attention.layer_norm_rms_epsilon', 1e-5),
    ],
    tensors,
  };
}
