import type { GgufMetadataValue } from '../GgufWriter.js';

/** 'tiny': 0.4-2 MB, for fast tests. 'bench': about 100M F32 parameters (~400 MB), for throughput and memory work. */
export type ForgeSize = 'tiny' | 'bench';

/** What an architecture needs to know to lay itself out. */
export interface ArchitectureRequest {
  readonly size: ForgeSize;
  readonly contextLength: number;
  readonly vocabularySize: number;
}

/**
 * How a tensor's values are made:
 * - 'ones' / 'zeros': norm weights and biases, so the untrained model starts from identity scaling.
 * - 'random': fan-in scaled (std gain/sqrt(ne0)), for projection matrices; `gain` defaults to 1.
 * - normal / uniform / constant: for decay, mixing and state parameters that need a particular range.
 */
export type TensorInit =
  | 'ones'
  | 'zeros'
  | 'random'
  | { readonly kind: 'random'; readonly gain: number }
  | { readonly kind: 'normal'; readonly std: number; readonly mean?: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'constant'; readonly value: number };

export interface TensorSpec {
  readonly name: string;
  /** GGUF order: ne0 (contiguous) first, exactly as llama.cpp's create_tensor expects. */
  readonly dims: readonly number[];
  /** Defaults to 'random'. */
  readonly init?: TensorInit;
}

export interface MetadataEntry {
  readonly key: string;
  readonly value: GgufMetadataValue;
}

export interface ArchitectureSpec {
  /** `general.architecture`, the prefix of the architecture's own keys. */
  readonly architecture: string;
  readonly metadata: readonly MetadataEntry[];
  readonly tensors: readonly TensorSpec[];
  /** A few words for the model's `general.description`. */
  readonly description: string;
}

export type ArchitectureBuilder = (request: ArchitectureRequest) => ArchitectureSpec;

export function uint32Entry(key: string, value: number): MetadataEntry {
  return { key, value: { type: 'uint32', value } };
}

export function float32Entry(key: string, value: number): MetadataEntry {
  return { key, value: { type: 'float32', value } };
}

/** `blk.<i>.<suffix>`, llama.cpp's per-block tensor naming. */
export function blockTensor(block: number, suffix: string, dims: readonly number[], init?: TensorInit): TensorSpec {
  return init === undefined ? { name: `blk.${block}.${suffix}`, dims } : { name: `blk.${block}.${suffix}`, dims, init };
}

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
