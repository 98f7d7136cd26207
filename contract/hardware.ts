import { z } from 'zod';
import { LocalizedTextSchema } from './i18n/localizedText.js';

/**
 * What Hearth knows about the machine. Each part says which source answered: Hearth's own native
 * addon (`addon`), the pure-TypeScript fallback (`fallback`: /proc, /sys, sysctl, os), or
 * node-llama-cpp (`llama`) for GPUs.
 */
export const ProbeSourceSchema = z.enum(['addon', 'fallback', 'llama', 'none']);
export type ProbeSource = z.infer<typeof ProbeSourceSchema>;

/**
 * Normalised instruction-set feature names: sse4_2 avx avx2 fma f16c avx512f avx512bw avx512vl
 * avx512_vnni avx512_bf16 avx_vnni amx_tile amx_int8 amx_bf16 (x86); neon dotprod sve (ARM).
 */
export const CpuFeatureSchema = z.enum([
  'sse4_2',
  'avx',
  'avx2',
  'fma',
  'f16c',
  'avx512f',
  'avx512bw',
  'avx512vl',
  'avx512_vnni',
  'avx512_bf16',
  'avx_vnni',
  'amx_tile',
  'amx_int8',
  'amx_bf16',
  'neon',
  'dotprod',
  'sve',
]);
export type CpuFeature = z.infer<typeof CpuFeatureSchema>;

export const CpuInfoSchema = z.strictObject({
  arch: z.string(),
  vendor: z.string(),
  brand: z.string(),
  /** The operating system's name for the CPU, only where it differs from CPUID's brand (often so on VMs). */
  osBrand: z.string().optional(),
  family: z.int().nullable(),
  model: z.int().nullable(),
  features: z.array(CpuFeatureSchema),
  logicalCores: z.int().min(1),
  physicalCores: z.int().min(1),
  /** Intel hybrid parts (and Apple silicon): performance and efficiency cores; null when not hybrid or unknown. */
  performanceCores: z.int().min(0).nullable(),
  efficiencyCores: z.int().min(0).nullable(),
});
export type CpuInfo = z.infer<typeof CpuInfoSchema>;

export const NpuSchema = z.strictObject({
  name: z.string(),
  vendor: z.string(),
  /** Linux kernel driver (intel_vpu, amdxdna, qaic…) or the Windows / Apple equivalent. */
  driver: z.string().nullable(),
});
export type Npu = z.infer<typeof NpuSchema>;

export const GpuBackendSchema = z.enum(['cuda', 'vulkan', 'metal']);
export type GpuBackend = z.infer<typeof GpuBackendSchema>;

export const GpuSchema = z.strictObject({
  backend: GpuBackendSchema,
  name: z.string(),
  vramBytes: z.int().min(0),
  freeVramBytes: z.int().min(0),
  /** Shares system memory (integrated GPUs, Apple silicon). */
  unifiedMemory: z.boolean(),
});
export type Gpu = z.infer<typeof GpuSchema>;

export const HardwareProfileSchema = z.strictObject({
  platform: z.string(),
  cpu: CpuInfoSchema,
  totalMemoryBytes: z.int().min(0),
  freeMemoryBytes: z.int().min(0),
  /** Measured read bandwidth of main memory, GB/s; null when not measured. */
  memoryBandwidthGBps: z.number().min(0).nullable(),
  gpus: z.array(GpuSchema),
  npus: z.array(NpuSchema),
  sources: z.strictObject({
    cpu: ProbeSourceSchema,
    topology: ProbeSourceSchema,
    npus: ProbeSourceSchema,
    bandwidth: ProbeSourceSchema,
    gpus: ProbeSourceSchema,
  }),
  /**
   * Why GPUs were not looked for, when they were not: CPU only was chosen in Settings, or fixed
   * for this run at launch (HEARTH_GPU=cpu). Absent when they were looked for, found or not.
   */
  gpusNotProbed: z.enum(['settings', 'launch']).optional(),
});
export type HardwareProfile = z.infer<typeof HardwareProfileSchema>;

/** A model file as the planner needs it, read from its GGUF metadata and tensor table. */
export const ModelFactsSchema = z.strictObject({
  architecture: z.string(),
  name: z.string().nullable(),
  fileBytes: z.int().min(0),
  /** llama.cpp's file type, e.g. "Q4_K_M", "F16". */
  quantization: z.string(),
  totalParams: z.int().min(0),
  /** Parameters used per token: all of them for dense models, the routed share for MoE. */
  activeParams: z.int().min(0),
  layers: z.int().min(0),
  trainedContextLength: z.int().min(0),
  expertCount: z.int().min(0).nullable(),
  expertUsedCount: z.int().min(0).nullable(),
  stateKind: z.enum(['recurrent', 'attention', 'hybrid']),
  /** KV cache bytes per token of context (f16), attention layers only. */
  kvBytesPerToken: z.int().min(0),
  /** Fixed recurrent state bytes per sequence (recurrent and hybrid layers). */
  recurrentStateBytes: z.int().min(0),
  /**
   * A reranker: a classifier head node-llama-cpp's ranking context can use (absent in facts
   * stored before Hearth read it: unknown).
   */
  ranking: z.boolean().optional(),
});
export type ModelFacts = z.infer<typeof ModelFactsSchema>;

export const BackendChoiceSchema = z.enum(['auto', 'cpu', 'cuda', 'vulkan', 'metal']);
export type BackendChoice = z.infer<typeof BackendChoiceSchema>;

/** What the user fixed in Settings; null/auto: the planner decides. */
export const PlanOverridesSchema = z.strictObject({
  backend: BackendChoiceSchema,
  gpuLayers: z.int().min(0).max(10_000).nullable(),
  threads: z.int().min(1).max(256).nullable(),
});
export type PlanOverrides = z.infer<typeof PlanOverridesSchema>;

export const ExecutionPlanSchema = z.strictObject({
  backend: z.enum(['cpu', 'cuda', 'vulkan', 'metal']),
  /** The GPU the layers go to; null on the CPU path. */
  device: z.string().nullable(),
  /** Layers offloaded to the GPU (all of them: equal to the model's layer count). */
  gpuLayers: z.int().min(0),
  threads: z.int().min(1),
  batchSize: z.int().min(1),
  /** Whether MoE expert tensors stay in system memory while the rest is offloaded. */
  expertsOnCpu: z.boolean(),
  /** Where the weights fit: all in GPU memory, split, all in RAM, or not at all. */
  fit: z.enum(['vram', 'partial', 'ram', 'no']),
  memory: z.strictObject({
    weightsBytes: z.int().min(0),
    contextBytes: z.int().min(0),
    gpuBytes: z.int().min(0),
    ramBytes: z.int().min(0),
  }),
  /** Bytes read from memory per generated token: active weights plus state or KV cache. */
  bytesPerToken: z.int().min(0),
  /** Memory roofline: bandwidth ÷ bytes per token; null when no bandwidth is known. */
  expectedTokensPerSecond: z.number().min(0).nullable(),
  /** In English (logs, tests, the API); `reasonTexts`, when present, the same lines as catalog keys for the UI. */
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  reasonTexts: z.array(LocalizedTextSchema).optional(),
  warningTexts: z.array(LocalizedTextSchema).optional(),
});
export type ExecutionPlan = z.infer<typeof ExecutionPlanSchema>;
