import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CpuFeature, HardwareProfile, ModelFacts, PlanOverrides } from '../../contract/index.js';
import { PER_TOKEN_OVERHEAD_SECONDS } from '../../main/hardware/planner/estimateDecodeSpeed.js';
import { planExecution } from '../../main/hardware/planner/planExecution.js';
import {
  APPLE_M3,
  LUNAR_LAKE,
  machine,
  OLD_INTEL,
  RTX_DESKTOP,
  SMALL_LAPTOP,
  STRIX_POINT,
} from '../support/recordedMachines.js';

const GB = 1e9;
const GiB = 1024 ** 3;
const AUTO: PlanOverrides = { backend: 'auto', gpuLayers: null, threads: null };
const X86_MODERN: CpuFeature[] = ['sse4_2', 'avx', 'avx2', 'fma', 'f16c'];

const dense = (
  name: string,
  fileBytes: number,
  params: number,
  layers: number,
  kvBytesPerToken: number,
): ModelFacts => ({
  architecture: 'llama',
  name,
  fileBytes,
  quantization: 'Q4_K_M',
  totalParams: params,
  activeParams: params,
  layers,
  trainedContextLength: 131_072,
  expertCount: null,
  expertUsedCount: null,
  stateKind: 'attention',
  kvBytesPerToken,
  recurrentStateBytes: 0,
});
const RWKV7_2_9B: ModelFacts = {
  architecture: 'rwkv7',
  name: 'RWKV7-Goose-World3-2.9B',
  fileBytes: 3.1 * GB,
  quantization: 'Q8_0',
  totalParams: 2.9 * GB,
  activeParams: 2.9 * GB,
  layers: 32,
  trainedContextLength: 1_048_576,
  expertCount: null,
  expertUsedCount: null,
  stateKind: 'recurrent',
  kvBytesPerToken: 0,
  recurrentStateBytes: 21_626_880,
};
const RWKV6_1_6B: ModelFacts = {
  ...RWKV7_2_9B,
  architecture: 'rwkv6',
  name: 'RWKV-6-World-1.6B',
  fileBytes: 1.7 * GB,
  totalParams: 1.6 * GB,
  activeParams: 1.6 * GB,
  layers: 24,
  recurrentStateBytes: 12_976_128,
};
const QWEN3_30B_A3B: ModelFacts = {
  architecture: 'qwen3moe',
  name: 'Qwen3-30B-A3B',
  fileBytes: 18.6 * GB,
  quantization: 'Q4_K_M',
  totalParams: 30.5 * GB,
  activeParams: 3.3 * GB,
  layers: 48,
  trainedContextLength: 40_960,
  expertCount: 128,
  expertUsedCount: 8,
  stateKind: 'attention',
  kvBytesPerToken: 98_304,
  recurrentStateBytes: 0,
};
const MIXTRAL: ModelFacts = {
  ...QWEN3_30B_A3B,
  architecture: 'llama',
  name: 'Mixtral-8x7B-Instruct',
  fileBytes: 26.4 * GB,
  totalParams: 46.7 * GB,
  activeParams: 12.9 * GB,
  layers: 32,
  expertCount: 8,
  expertUsedCount: 2,
  kvBytesPerToken: 131_072,
};
const LLAMA_3_2_3B = dense('Llama-3.2-3B-Instruct', 2.02 * GB, 3.2 * GB, 28, 114_688);
const LLAMA_3_1_8B = dense('Llama-3.1-8B-Instruct', 4.92 * GB, 8.0 * GB, 32, 131_072);

interface Row {
  name: string;
  hardware: HardwareProfile;
  model: ModelFacts;
  backend: string;
  gpuLayers: number;
  threads: number;
  fit: string;
  reasons: RegExp[];
  warnings?: RegExp[];
}

const TABLE: Row[] = [
  {
    name: 'Intel Lunar Lake laptop (Arc iGPU, NPU), RWKV-7 2.9B',
    hardware: LUNAR_LAKE,
    model: RWKV7_2_9B,
    backend: 'vulkan',
    gpuLayers: 32,
    threads: 4,
    fit: 'vram',
    reasons: [
      /Arc\(TM\) 140V GPU .* through vulkan, sharing system memory/,
      /All 32 layers fit/,
      /Intel AI Boost detected but not used/,
      /About \d+ tok\/s expected/,
    ],
  },
  {
    name: 'AMD Strix Point laptop (Radeon 890M, XDNA2 NPU), Qwen3-30B-A3B',
    hardware: STRIX_POINT,
    model: QWEN3_30B_A3B,
    backend: 'vulkan',
    gpuLayers: 35,
    threads: 12,
    fit: 'partial',
    reasons: [
      /Mixture of Experts: 8 of 128 experts/,
      /35 of 48 layers fit/,
      /cannot place tensors separately/,
      /XDNA 2 NPU detected but not used/,
      /one per physical core/,
    ],
  },
  {
    name: 'Apple M3, Llama 3.2 3B',
    hardware: APPLE_M3,
    model: LLAMA_3_2_3B,
    backend: 'metal',
    gpuLayers: 28,
    threads: 4,
    fit: 'vram',
    reasons: [
      /Apple M3 through metal/,
      /All 28 layers fit/,
      /Apple Neural Engine detected but not used/,
      /About \d+ tok\/s/,
    ],
  },
  {
    name: 'Desktop with a 12 GB NVIDIA card, Llama 3.1 8B',
    hardware: RTX_DESKTOP,
    model: LLAMA_3_1_8B,
    backend: 'cuda',
    gpuLayers: 32,
    threads: 4,
    fit: 'vram',
    reasons: [
      /RTX 4070 through cuda\./,
      /All 32 layers fit/,
      /the GPU does the work/,
      /504 GB\/s of GPU memory bandwidth/,
    ],
  },
  {
    name: 'Desktop with a 12 GB NVIDIA card, Mixtral 8x7B (does not fit the card)',
    hardware: RTX_DESKTOP,
    model: MIXTRAL,
    backend: 'cuda',
    gpuLayers: 11,
    threads: 8,
    fit: 'partial',
    reasons: [
      /11 of 32 layers fit/,
      /2 of 8 experts per token/,
      /cannot place tensors separately/,
      /and 62 GB\/s \(CPU\)/,
    ],
  },
  {
    name: 'Old Intel CPU without AVX2, RWKV-6 1.6B',
    hardware: OLD_INTEL,
    model: RWKV6_1_6B,
    backend: 'cpu',
    gpuLayers: 0,
    threads: 4,
    fit: 'ram',
    reasons: [/No usable GPU/, /4 CPU threads, one per physical core/, /18 GB\/s of measured memory bandwidth/],
    warnings: [/no AVX2/],
  },
  {
    name: '8 GB machine with a MoE model that does not fit',
    hardware: SMALL_LAPTOP,
    model: QWEN3_30B_A3B,
    backend: 'vulkan',
    gpuLayers: 5,
    threads: 4,
    fit: 'no',
    reasons: [/5 of 48 layers fit/],
    warnings: [/needs about 1\d\.\d GB of system memory; this machine has 8\.0 GB/],
  },
];

describe('execution planner on recorded machines', () => {
  for (const row of TABLE) {
    test(row.name, () => {
      const plan = planExecution({ hardware: row.hardware, model: row.model, contextSize: 4096, overrides: AUTO });
      assert.equal(plan.backend, row.backend, 'backend');
      assert.equal(plan.gpuLayers, row.gpuLayers, 'GPU layers');
      assert.equal(plan.threads, row.threads, 'threads');
      assert.equal(plan.fit, row.fit, 'fit');
      for (const reason of row.reasons) {
        assert.ok(
          plan.reasons.some((line) => reason.test(line)),
          `a reason matching ${reason}:\n${plan.reasons.join('\n')}`,
        );
      }
      for (const warning of row.warnings ?? []) {
        assert.ok(
          plan.warnings.some((line) => warning.test(line)),
          `a warning matching ${warning}:\n${plan.warnings.join('\n')}`,
        );
      }
      if (!row.warnings) assert.deepEqual(plan.warnings, []);
      assert.equal(plan.expertsOnCpu, false, 'node-llama-cpp 3.22 cannot keep experts apart');
    });
  }

  test('the roofline estimate is bandwidth over bytes per token', () => {
    const plan = planExecution({ hardware: OLD_INTEL, model: RWKV6_1_6B, contextSize: 4096, overrides: AUTO });
    // Bandwidth over bytes per token, plus the small fixed per-token overhead: still memory-bound.
    const expected = 1 / (plan.bytesPerToken / 18e9 + PER_TOKEN_OVERHEAD_SECONDS);
    assert.ok(Math.abs((plan.expectedTokensPerSecond ?? 0) - expected) < 1e-9);
    assert.ok((plan.expectedTokensPerSecond ?? 0) > 0.98 * (18e9 / plan.bytesPerToken));
    assert.equal(plan.bytesPerToken, Math.round(1.7 * GB + 2 * 12_976_128));
  });

  test('MoE models read only their active weights per token', () => {
    const plan = planExecution({ hardware: STRIX_POINT, model: QWEN3_30B_A3B, contextSize: 4096, overrides: AUTO });
    assert.ok(plan.bytesPerToken < QWEN3_30B_A3B.fileBytes / 4, `${plan.bytesPerToken} bytes per token`);
  });

  test('software renderers are never chosen on their own', () => {
    const lavapipe = machine({
      ...OLD_INTEL,
      gpus: [
        {
          backend: 'vulkan',
          name: 'llvmpipe (LLVM 15.0.6, 256 bits)',
          vramBytes: 2 * GiB,
          freeVramBytes: 2 * GiB,
          unifiedMemory: true,
        },
      ],
    });
    const plan = planExecution({ hardware: lavapipe, model: RWKV6_1_6B, contextSize: 4096, overrides: AUTO });
    assert.equal(plan.backend, 'cpu');
    assert.ok(plan.reasons.some((line) => /software renderer/.test(line)));
  });

  test('overrides from Settings win, and say so', () => {
    const plan = planExecution({
      hardware: RTX_DESKTOP,
      model: LLAMA_3_1_8B,
      contextSize: 4096,
      overrides: { backend: 'vulkan', gpuLayers: 20, threads: 6 },
    });
    assert.deepEqual([plan.backend, plan.gpuLayers, plan.threads], ['vulkan', 20, 6]);
    assert.ok(plan.reasons.some((line) => /as chosen in Settings/.test(line)));
    const cpuOnly = planExecution({
      hardware: RTX_DESKTOP,
      model: LLAMA_3_1_8B,
      contextSize: 4096,
      overrides: { ...AUTO, backend: 'cpu' },
    });
    assert.equal(cpuOnly.backend, 'cpu');
    assert.equal(cpuOnly.gpuLayers, 0);
    const missing = planExecution({
      hardware: OLD_INTEL,
      model: RWKV6_1_6B,
      contextSize: 4096,
      overrides: { ...AUTO, backend: 'cuda' },
    });
    assert.equal(missing.backend, 'cpu');
    assert.ok(missing.warnings.some((line) => /no cuda device was found/.test(line)));
  });

  test('a 2-core machine uses one thread', () => {
    const tiny = machine({ cpu: { ...OLD_INTEL.cpu, logicalCores: 2, physicalCores: 2, features: X86_MODERN } });
    assert.equal(planExecution({ hardware: tiny, model: RWKV6_1_6B, contextSize: 4096, overrides: AUTO }).threads, 1);
  });
});
