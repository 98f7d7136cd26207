import type { ExecutionPlan, Gpu, HardwareProfile, ModelFacts, PlanOverrides } from '../../../contract/index.js';
import { localized, type LocalizedText, type TextKey, type TextParams } from '../../../contract/i18n/index.js';
import { estimateDecodeSpeed } from './estimateDecodeSpeed.js';
import { isSoftwareRenderer, knownGpuBandwidthGBps } from './gpuBandwidth.js';

export interface PlanRequest {
  hardware: HardwareProfile;
  model: ModelFacts;
  contextSize: number;
  overrides: PlanOverrides;
  /** Who fixed the backend when it is not automatic (for the reasons): Settings by default, or the launch (HEARTH_GPU). */
  backendFixedBy?: 'settings' | 'launch';
}

/** A line of the plan: its English, and its catalog key for the UI's language. */
type PlanLine = { message: string; text: LocalizedText };
const line = (key: TextKey<'settings'>, params?: TextParams): PlanLine => localized('settings', key, params);

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
  backendFixedBy = 'settings',
}: PlanRequest): ExecutionPlan {
  const reasons: PlanLine[] = [];
  const warnings: PlanLine[] = [];
  const atLaunch = backendFixedBy === 'launch';
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
      line('planMoe', {
        used: model.expertUsedCount ?? '?',
        experts: model.expertCount ?? '?',
        active: gb(activeWeightBytes),
        weights: gb(weightsBytes),
      }),
    );
  }

  // Backend and GPU.
  const usable = hardware.gpus.filter((gpu) => {
    if (!isSoftwareRenderer(gpu.name)) return true;
    reasons.push(line('planSoftwareRenderer', { gpu: gpu.name }));
    return false;
  });
  let gpu: Gpu | null = null;
  if (overrides.backend === 'cpu') {
    reasons.push(line(atLaunch ? 'planCpuOnlyLaunch' : 'planCpuOnlySettings'));
  } else if (overrides.backend !== 'auto') {
    gpu = hardware.gpus.find((candidate) => candidate.backend === overrides.backend) ?? null;
    const params = { backend: overrides.backend, gpu: gpu?.name ?? '' };
    if (gpu) reasons.push(line(atLaunch ? 'planBackendLaunch' : 'planBackendSettings', params));
    else warnings.push(line(atLaunch ? 'planBackendMissingLaunch' : 'planBackendMissingSettings', params));
  } else {
    gpu = BACKEND_ORDER.flatMap((backend) => usable.filter((candidate) => candidate.backend === backend))[0] ?? null;
    if (gpu) {
      reasons.push(
        line(gpu.unifiedMemory ? 'planGpuAutoShared' : 'planGpuAuto', { gpu: gpu.name, backend: gpu.backend }),
      );
    } else reasons.push(line('planNoUsableGpu'));
  }

  // Layers on the GPU: as many as fit beside the context with headroom.
  let gpuLayers = 0;
  if (gpu) {
    const budget = gpu.freeVramBytes - vramHeadroom(gpu);
    const fitting = Math.floor((budget - contextBytes) / perLayerBytes);
    const all = weightsBytes + contextBytes <= budget;
    gpuLayers = overrides.gpuLayers ?? (all ? model.layers : Math.max(0, Math.min(model.layers, fitting)));
    if (overrides.gpuLayers !== null) {
      reasons.push(line('planLayersChosen', { layers: gpuLayers, total: model.layers }));
    } else if (all) {
      reasons.push(
        line('planAllLayersFit', {
          total: model.layers,
          budget: gb(budget),
          headroom: gb(vramHeadroom(gpu)),
          context: gb(contextBytes),
        }),
      );
    } else if (gpuLayers > 0) {
      reasons.push(line('planSomeLayersFit', { layers: gpuLayers, total: model.layers, budget: gb(budget) }));
      if (moe) reasons.push(line('planMoeSplit'));
    } else {
      reasons.push(line('planNoLayerFits', { budget: gb(budget) }));
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
    warnings.push(line('planTooBig', { needed: gb(ramBytes), total: gb(hardware.totalMemoryBytes) }));
  }

  // CPU threads: physical performance cores, never hyper-threads or efficiency cores.
  const performance = cpu.performanceCores ?? cpu.physicalCores;
  let threads: number;
  if (overrides.threads !== null) {
    threads = overrides.threads;
    reasons.push(line('planThreadsChosen', { threads }));
  } else if (cpu.physicalCores <= 2) {
    threads = 1;
    reasons.push(line('planOneThread', { cores: cpu.physicalCores }));
  } else if (gpu && fit === 'vram') {
    threads = Math.min(performance, 4);
    reasons.push(line('planFewThreads', { threads }));
  } else {
    threads = performance;
    reasons.push(line(cpu.performanceCores !== null ? 'planThreadsPerformance' : 'planThreadsPhysical', { threads }));
  }

  const batchSize = hardware.totalMemoryBytes < 8 * GiB ? 256 : 512;
  reasons.push(line(batchSize < 512 ? 'planBatchSmall' : 'planBatch', { size: batchSize }));

  if (cpu.arch === 'x64' && !cpu.features.includes('avx2')) {
    warnings.push(line('planNoAvx2'));
  }
  if (hardware.npus.length > 0) {
    reasons.push(line('planNpuUnused', { npus: hardware.npus.map((npu) => npu.name).join(', ') }));
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
      speedLine(gpuShare, model.stateKind === 'recurrent', {
        rate: formatRate(expectedTokensPerSecond),
        gpu: gpuBandwidth?.toFixed(0) ?? '?',
        cpu: cpuBandwidth?.toFixed(0) ?? '?',
        share: Math.round(gpuShare * 100),
        perToken: formatBytesPerToken(bytesPerToken),
      }),
    );
  } else if (speed) {
    expectedTokensPerSecond = speed.tokensPerSecond;
    reasons.push(
      line('planSpeedCompute', {
        rate: formatRate(expectedTokensPerSecond),
        perToken: formatBytesPerToken(bytesPerToken),
      }),
    );
  } else {
    reasons.push(line('planNoSpeed'));
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
    reasons: reasons.map((reason) => reason.message),
    warnings: warnings.map((warning) => warning.message),
    reasonTexts: reasons.map((reason) => reason.text),
    warningTexts: warnings.map((warning) => warning.text),
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

/** The speed estimate, by where the layers run and what a token reads besides the weights. */
function speedLine(gpuShare: number, recurrent: boolean, params: TextParams): PlanLine {
  if (gpuShare >= 1) return line(recurrent ? 'planSpeedGpuState' : 'planSpeedGpuKv', params);
  if (gpuShare <= 0) return line(recurrent ? 'planSpeedCpuState' : 'planSpeedCpuKv', params);
  return line(recurrent ? 'planSpeedSplitState' : 'planSpeedSplitKv', params);
}
