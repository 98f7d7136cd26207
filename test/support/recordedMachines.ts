import type { CpuFeature, HardwareProfile } from '../../contract/index.js';

/**
 * Recorded machines, as Hearth's probe and node-llama-cpp report them: the planner's table test
 * and the catalog's recommendation test run on the same ones.
 */
const GiB = 1024 ** 3;
const X86_MODERN: CpuFeature[] = ['sse4_2', 'avx', 'avx2', 'fma', 'f16c'];

export function machine(profile: Partial<HardwareProfile> & Pick<HardwareProfile, 'cpu'>): HardwareProfile {
  return {
    platform: 'linux',
    totalMemoryBytes: 32 * GiB,
    freeMemoryBytes: 24 * GiB,
    memoryBandwidthGBps: 60,
    gpus: [],
    npus: [],
    sources: { cpu: 'addon', topology: 'addon', npus: 'addon', bandwidth: 'addon', gpus: 'llama' },
    ...profile,
  };
}

export const LUNAR_LAKE = machine({
  cpu: {
    arch: 'x64',
    vendor: 'GenuineIntel',
    brand: 'Intel(R) Core(TM) Ultra 7 258V',
    family: 6,
    model: 189,
    features: [...X86_MODERN, 'avx_vnni'],
    logicalCores: 8,
    physicalCores: 8,
    performanceCores: 4,
    efficiencyCores: 4,
  },
  memoryBandwidthGBps: 95,
  gpus: [
    {
      backend: 'vulkan',
      name: 'Intel(R) Arc(TM) 140V GPU (16GB)',
      vramBytes: 16 * GiB,
      freeVramBytes: 15.5 * GiB,
      unifiedMemory: true,
    },
  ],
  npus: [{ name: 'Intel AI Boost', vendor: 'Intel', driver: 'intel_vpu' }],
});
export const STRIX_POINT = machine({
  cpu: {
    arch: 'x64',
    vendor: 'AuthenticAMD',
    brand: 'AMD Ryzen AI 9 HX 370 w/ Radeon 890M',
    family: 26,
    model: 36,
    features: [...X86_MODERN, 'avx512f', 'avx512bw', 'avx512vl', 'avx512_vnni', 'avx512_bf16', 'avx_vnni'],
    logicalCores: 24,
    physicalCores: 12,
    performanceCores: null,
    efficiencyCores: null,
  },
  memoryBandwidthGBps: 90,
  gpus: [
    {
      backend: 'vulkan',
      name: 'AMD Radeon 890M Graphics',
      vramBytes: 16 * GiB,
      freeVramBytes: 15 * GiB,
      unifiedMemory: true,
    },
  ],
  npus: [{ name: 'AMD XDNA 2 NPU', vendor: 'AMD', driver: 'amdxdna' }],
});
export const APPLE_M3 = machine({
  platform: 'darwin',
  cpu: {
    arch: 'arm64',
    vendor: 'Apple',
    brand: 'Apple M3',
    family: null,
    model: null,
    features: ['neon', 'dotprod'],
    logicalCores: 8,
    physicalCores: 8,
    performanceCores: 4,
    efficiencyCores: 4,
  },
  totalMemoryBytes: 16 * GiB,
  memoryBandwidthGBps: 88,
  gpus: [{ backend: 'metal', name: 'Apple M3', vramBytes: 10.7 * GiB, freeVramBytes: 10.7 * GiB, unifiedMemory: true }],
  npus: [{ name: 'Apple Neural Engine', vendor: 'Apple', driver: null }],
});
export const RTX_DESKTOP = machine({
  cpu: {
    arch: 'x64',
    vendor: 'AuthenticAMD',
    brand: 'AMD Ryzen 7 7700X 8-Core Processor',
    family: 25,
    model: 97,
    features: [...X86_MODERN, 'avx512f', 'avx512bw', 'avx512vl', 'avx512_vnni', 'avx512_bf16'],
    logicalCores: 16,
    physicalCores: 8,
    performanceCores: null,
    efficiencyCores: null,
  },
  memoryBandwidthGBps: 62,
  gpus: [
    {
      backend: 'cuda',
      name: 'NVIDIA GeForce RTX 4070',
      vramBytes: 12 * GiB,
      freeVramBytes: 11.2 * GiB,
      unifiedMemory: false,
    },
    {
      backend: 'vulkan',
      name: 'NVIDIA GeForce RTX 4070',
      vramBytes: 12 * GiB,
      freeVramBytes: 11.2 * GiB,
      unifiedMemory: false,
    },
  ],
});
export const OLD_INTEL = machine({
  platform: 'win32',
  cpu: {
    arch: 'x64',
    vendor: 'GenuineIntel',
    brand: 'Intel(R) Core(TM) i5-2500K CPU @ 3.30GHz',
    family: 6,
    model: 42,
    features: ['sse4_2', 'avx'],
    logicalCores: 4,
    physicalCores: 4,
    performanceCores: null,
    efficiencyCores: null,
  },
  totalMemoryBytes: 8 * GiB,
  memoryBandwidthGBps: 18,
});
export const SMALL_LAPTOP = machine({
  cpu: {
    arch: 'x64',
    vendor: 'GenuineIntel',
    brand: '11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz',
    family: 6,
    model: 140,
    features: [...X86_MODERN, 'avx512f', 'avx512bw', 'avx512vl', 'avx512_vnni'],
    logicalCores: 8,
    physicalCores: 4,
    performanceCores: null,
    efficiencyCores: null,
  },
  totalMemoryBytes: 8 * GiB,
  freeMemoryBytes: 5 * GiB,
  memoryBandwidthGBps: 40,
  gpus: [
    {
      backend: 'vulkan',
      name: 'Intel(R) Iris(R) Xe Graphics',
      vramBytes: 4 * GiB,
      freeVramBytes: 3.5 * GiB,
      unifiedMemory: true,
    },
  ],
});

/** A 2-core cloud VM without a GPU (the kind Hearth's own test machine is): plenty of RAM, little compute. */
export const TWO_CORE_VM = machine({
  cpu: {
    arch: 'x64',
    vendor: 'GenuineIntel',
    brand: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
    family: 6,
    model: 79,
    features: [...X86_MODERN],
    logicalCores: 2,
    physicalCores: 2,
    performanceCores: null,
    efficiencyCores: null,
  },
  totalMemoryBytes: 32 * GiB,
  freeMemoryBytes: 28 * GiB,
  memoryBandwidthGBps: 20,
});

/** Model facts as Hearth's GGUF inspection reports them for real files. */
