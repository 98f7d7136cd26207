import type { CpuFeature } from '../../../contract/index.js';

export interface DecodeSpeedInput {
  /** Bytes read per generated token: the active weights plus the state or KV cache read. */
  bytesPerToken: number;
  /** Parameters used per token (each costs a multiply and an add). */
  activeParams: number;
  /** Share of the layers on the GPU, 0..1. */
  gpuShare: number;
  /** GB/s; null when not known. */
  gpuBandwidthGBps: number | null;
  cpuBandwidthGBps: number | null;
  threads: number;
  cpu: { arch: string; features: readonly CpuFeature[] };
}

export interface DecodeSpeed {
  tokensPerSecond: number;
  /** What sets the speed: reading memory (most models) or the fixed work around every token. */
  limit: 'memory' | 'compute';
}

/**
 * Work around every token that does not shrink with the model: sampling, building and launching
 * the compute graph, the engine's bookkeeping. Measured with real llama.cpp on models of a few
 * hundred kilobytes (bench/results/paths.md, a 2-core Xeon): 1,700–3,700 tok/s, i.e. 0.27–0.59 ms
 * a token whatever the model. Without this floor a tiny model "ran" at tens of thousands of tok/s.
 */
export const PER_TOKEN_OVERHEAD_SECONDS = 0.0003;

/**
 * Multiply-adds a CPU thread sustains on quantized weights, FLOP/s: a modest figure for llama.cpp's
 * SIMD kernels (AVX2/FMA on x64, NEON on arm64); older x64 without AVX2 manages far less.
 */
function cpuFlopsPerThread(cpu: DecodeSpeedInput['cpu']): number {
  if (cpu.arch === 'arm64' || cpu.features.includes('avx2')) return 25e9;
  return 12e9;
}

/**
 * Decode speed from a roofline: each token takes the longer of reading its bytes (memory
 * bandwidth) and computing its 2 FLOPs per active parameter on the CPU's threads, plus a fixed
 * per-token overhead. Large models stay bandwidth-bound as before; small ones meet the compute
 * bound and the floor. The GPU's compute is not known here, so its share counts memory only.
 * Null when a bandwidth that is needed is not known.
 */
export function estimateDecodeSpeed(input: DecodeSpeedInput): DecodeSpeed | null {
  const { bytesPerToken, gpuShare } = input;
  const gpuSeconds =
    gpuShare > 0 ? (input.gpuBandwidthGBps ? (bytesPerToken * gpuShare) / (input.gpuBandwidthGBps * 1e9) : NaN) : 0;
  const cpuMemorySeconds =
    gpuShare < 1
      ? input.cpuBandwidthGBps
        ? (bytesPerToken * (1 - gpuShare)) / (input.cpuBandwidthGBps * 1e9)
        : NaN
      : 0;
  const cpuComputeSeconds =
    gpuShare < 1
      ? (2 * input.activeParams * (1 - gpuShare)) / (Math.max(1, input.threads) * cpuFlopsPerThread(input.cpu))
      : 0;
  const memorySeconds = gpuSeconds + cpuMemorySeconds;
  if (!Number.isFinite(memorySeconds) || memorySeconds <= 0) return null;
  const cpuSeconds = Math.max(cpuMemorySeconds, cpuComputeSeconds);
  const seconds = gpuSeconds + cpuSeconds + PER_TOKEN_OVERHEAD_SECONDS;
  // Memory is what limits the estimate while it is the larger part of a token's time.
  const limit = memorySeconds >= seconds - memorySeconds ? 'memory' : 'compute';
  return { tokensPerSecond: 1 / seconds, limit };
}
