import type { ExecutionPlan, Gpu, HardwareProfile, ModelFacts, PlanOverrides } from '../../../contract/index.js';
import { estimateDecodeSpeed } from './estimateDecodeSpeed.js';
import { isSoftwareRenderer, knownGpuBandwidthGBps } from './gpuBandwidth.js';

export interface PlanRequest {
  hardware: HardwareProfile;
  model: ModelFacts;
  contextSize: number;
  overrides: PlanOverrides;
  /** Who fixed the backend when it is not automatic (for the reasons); "Settings" by default. */
  backendFixedBy?: string;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/** GPU memory kept free for the desktop, other apps and llama.cpp's own estimates being off. */
const vramHeadroom = (gpu: Gpu) => Math.max(512 * MiB, gpu.vramBytes * 0.1);
/** System memory kept for the OS and the rest of Hearth. */
const RAM_RESERVE = 1.5 * GiB;
/** Preference among GPU backends when several could run the model. */
const BACKEND_ORDER = ['metal', 'cuda', 'vulkan'] as const;

const gb = (bytes: number) => `${(bytes / GiB).toFixed(1)} GB`;

/**
 * Decides how a model runs on this machine: backend and device, how many layers go to the GPU,
 * CPU threads, batch size; estimates memory and decode speed; and says why, in words a user can
 * check. Pure: the same hardware profile and model always give the same plan, so it is
 * table-tested on recorded machines.
 */
export function planExecution({
  hardware,
  model,
  contextSize,
  overrides,
  backendFixedBy = 'Settings',
}: PlanRequest): ExecutionPlan {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const cpu = hardware.cpu;

  // Memory: weights, and what the context needs (KV cache grows with it; a recurrent state does not).
  const weightsBytes = model.fileBytes;
  const kvBytes = model.kvBytesPerToken * contextSize;
  const computeBytes = Math.max(128 * MiB, Math.round(weightsBytes * 0.05));
  const contextBytes = kvBytes + model.recurrentStateBytes + computeBytes;
  const perLayerBytes = weightsBytes / Math.max(1, model.layers + 2); // + embeddings and output
  const moe = (model.expertCount ?? 0) > 1;
  const activeWeightBytes =
    model.totalParams > 0 ? weightsBytes * (model.activeParams / model.totalParams) : weightsBytes;

  if (moe) {
    reasons.push(
      `Mixture of Experts: ${model.expertUsedCount ?? '?'} of ${model.expertCount} experts per token, so each token reads ` +
        `about ${gb(activeWeightBytes)} of the ${gb(weightsBytes)} of weights.`,
    );
  }

  // Backend and GPU.
  const usable = hardware.gpus.filter((gpu) => {
    if (!isSoftwareRenderer(gpu.name)) return true;
    reasons.push(`${gpu.name} is a software renderer that computes on the CPU; it is not used.`);
    return false;
  });
  let gpu: Gpu | null = null;
  if (overrides.backend === 'cpu') {
    reasons.push(`CPU only, as chosen in ${backendFixedBy}.`);
  } else if (overrides.backend !== 'auto') {
    gpu = hardware.gpus.find((candidate) => candidate.backend === overrides.backend) ?? null;
    if (gpu) reasons.push(`${overrides.backend} on ${gpu.name}, as chosen in ${backendFixedBy}.`);
    else
      warnings.push(
        `${overrides.backend} was chosen in ${backendFixedBy}, but no ${overrides.backend} device was found; using the CPU.`,
      );
  } else {
    gpu = BACKEND_ORDER.flatMap((backend) => usable.filter((candidate) => candidate.backend === backend))[0] ?? null;
    if (gpu) reasons.push(`${gpu.name} through ${gpu.backend}${gpu.unifiedMemory ? ', sharing system memory' : ''}.`);
    else reasons.push('No usable GPU was found: the model runs on the CPU.');
  }

  // Layers on the GPU: as many as fit beside the context with headroom.
  let gpuLayers = 0;
  if (gpu) {
    const budget = gpu.freeVramBytes - vramHeadroom(gpu);
    const fitting = Math.floor((budget - contextBytes) / perLayerBytes);
    const all = weightsBytes + contextBytes <= budget;
    gpuLayers = overrides.gpuLayers ?? (all ? model.layers : Math.max(0, Math.min(model.layers, fitting)));
    if (overrides.gpuLayers !== null) {
      reasons.push(`${gpuLayers} of ${model.layers} layers on the GPU, as chosen in Settings.`);
    } else if (all) {
      reasons.push(
        `All ${model.layers} layers fit in ${gb(budget)} of free GPU memory (after ${gb(vramHeadroom(gpu))} headroom) ` +
          `with the context (${gb(contextBytes)}).`,
      );
    } else if (gpuLayers > 0) {
      reasons.push(
        `${gpuLayers} of ${model.layers} layers fit in ${gb(budget)} of free GPU memory; the rest run on the CPU.`,
      );
      if (moe) {
        reasons.push(
          'Keeping only the expert tensors on the CPU would suit this model better, but node-llama-cpp 3.22 cannot ' +
            'place tensors separately, so whole layers are split instead.',
        );
      }
    } else {
      reasons.push(`Not even one layer fits in ${gb(budget)} of free GPU memory with the context: using the CPU.`);
      gpu = null;
    }
  }

  // System memory for what stays on the CPU.
  const onGpuBytes = gpu ? Math.min(weightsBytes, gpuLayers * perLayerBytes) + contextBytes : 0;
  const ramBytes = Math.max(0, weightsBytes + contextBytes - onGpuBytes);
  const ramAvailable = hardware.totalMemoryBytes - RAM_RESERVE;
  let fit: ExecutionPlan['fit'] = !gpu ? 'ram' : gpuLayers >= model.layers ? 'vram' : 'partial';
  if (ramBytes > ramAvailable && !(gpu?.unifiedMemory === false && fit === 'vram')) {
    fit = 'no';
    warnings.push(
      `The model needs about ${gb(ramBytes)} of system memory; this machine has ${gb(hardware.totalMemoryBytes)}. ` +
        'It will be very slow (reading from disk) or fail to load. A smaller quantization or model would fit.',
    );
  }

  // CPU threads: physical performance cores, never hyper-threads or efficiency cores.
  const performance = cpu.performanceCores ?? cpu.physicalCores;
  let threads: number;
  if (overrides.threads !== null) {
    threads = overrides.threads;
    reasons.push(`${threads} CPU threads, as chosen in Settings.`);
  } else if (cpu.physicalCores <= 2) {
    threads = 1;
    reasons.push(
      `1 CPU thread: with ${cpu.physicalCores} cores, a second llama.cpp thread competes with the app and was many times slower.`,
    );
  } else if (gpu && fit === 'vram') {
    threads = Math.min(performance, 4);
    reasons.push(`${threads} CPU threads: the GPU does the work, a few threads feed it.`);
  } else {
    threads = performance;
    reasons.push(
      cpu.performanceCores !== null
        ? `${threads} CPU threads, one per performance core (efficiency cores would slow the others down).`
        : `${threads} CPU threads, one per physical core (hyper-threads share a core's memory bandwidth).`,
    );
  }

  const batchSize = hardware.totalMemoryBytes < 8 * GiB ? 256 : 512;
  reasons.push(
    `Batch of ${batchSize} tokens for reading prompts${batchSize < 512 ? ', smaller to spare memory' : ''}.`,
  );

  if (cpu.arch === 'x64' && !cpu.features.includes('avx2')) {
    warnings.push(
      'This CPU has no AVX2: llama.cpp uses its slower SSE/AVX code, so expect a few tokens a second at best.',
    );
  }
  if (hardware.npus.length > 0) {
    reasons.push(
      `${hardware.npus.map((npu) => npu.name).join(', ')} detected but not used: running language models on an NPU ` +
        'needs a vendor runtime (OpenVINO GenAI, Ryzen AI) that Hearth does not include yet.',
    );
  }

  // Decode speed from the memory roofline: each token reads the active weights and the state.
  const stateReadBytes = model.kvBytesPerToken * Math.round(contextSize / 2) + 2 * model.recurrentStateBytes;
  const bytesPerToken = Math.round(activeWeightBytes + stateReadBytes);
  const cpuBandwidth = hardware.memoryBandwidthGBps;
  const gpuBandwidth = gpu
    ? gpu.unifiedMemory
      ? (knownGpuBandwidthGBps(gpu.name) ?? cpuBandwidth)
      : knownGpuBandwidthGBps(gpu.name)
    : null;
  const gpuShare = gpu ? Math.min(1, gpuLayers / Math.max(1, model.layers)) : 0;
  let expectedTokensPerSecond: number | null = null;
  const speed = estimateDecodeSpeed({
    bytesPerToken,
    activeParams: model.activeParams,
    gpuShare,
    gpuBandwidthGBps: gpuBandwidth,
    cpuBandwidthGBps: cpuBandwidth,
    threads,
    cpu,
  });
  if (speed?.limit === 'memory') {
    expectedTokensPerSecond = speed.tokensPerSecond;
    reasons.push(
      `About ${formatRate(expectedTokensPerSecond)} tok/s expected here: ${formatBandwidth(gpuShare, gpuBandwidth, cpuBandwidth)} ÷ ` +
        `${formatBytesPerToken(bytesPerToken)} read per token (active weights plus ${model.stateKind === 'recurrent' ? 'state' : 'KV cache'}).`,
    );
  } else if (speed) {
    expectedTokensPerSecond = speed.tokensPerSecond;
    reasons.push(
      `About ${formatRate(expectedTokensPerSecond)} tok/s expected here: this model reads only ${formatBytesPerToken(bytesPerToken)} ` +
        'per token, so the computation and the fixed work around each token (sampling, launching it) set the pace, not memory.',
    );
  } else {
    reasons.push('No speed estimate: the memory bandwidth of this device is not known.');
  }

  return {
    backend: gpu ? gpu.backend : 'cpu',
    device: gpu?.name ?? null,
    gpuLayers: gpu ? gpuLayers : 0,
    threads,
    batchSize,
    expertsOnCpu: false,
    fit,
    memory: {
      weightsBytes,
      contextBytes,
      gpuBytes: Math.round(onGpuBytes),
      ramBytes: Math.round(ramBytes),
    },
    bytesPerToken,
    expectedTokensPerSecond,
    reasons,
    warnings,
  };
}

function formatRate(rate: number): string {
  return rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1);
}

/** Tiny models read kilobytes per token: "0.00 GB" would say nothing. */
function formatBytesPerToken(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(0)} MB`;
  return `${(bytes / 1e3).toFixed(0)} KB`;
}

function formatBandwidth(gpuShare: number, gpu: number | null, cpu: number | null): string {
  if (gpuShare >= 1) return `${gpu?.toFixed(0)} GB/s of GPU memory bandwidth`;
  if (gpuShare <= 0) return `${cpu?.toFixed(0)} GB/s of measured memory bandwidth`;
  return `${gpu?.toFixed(0)} GB/s (GPU, ${Math.round(gpuShare * 100)}% of layers) and ${cpu?.toFixed(0)} GB/s (CPU)`;
}
