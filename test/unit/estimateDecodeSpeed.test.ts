import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ModelFacts, PlanOverrides } from '../../contract/index.js';
import { estimateDecodeSpeed, PER_TOKEN_OVERHEAD_SECONDS } from '../../main/hardware/planner/estimateDecodeSpeed.js';
import { planExecution } from '../../main/hardware/planner/planExecution.js';
import { LUNAR_LAKE, RTX_DESKTOP, STRIX_POINT } from '../support/recordedMachines.js';

const AUTO: PlanOverrides = { backend: 'auto', gpuLayers: null, threads: null };
const CPU: PlanOverrides = { backend: 'cpu', gpuLayers: null, threads: null };

/** The size of the forged test models: a few hundred kilobytes of weights. */
const TINY: ModelFacts = {
  architecture: 'rwkv7',
  name: 'tiny',
  fileBytes: 400_000,
  quantization: 'F32',
  totalParams: 100_000,
  activeParams: 100_000,
  layers: 2,
  trainedContextLength: 4096,
  expertCount: null,
  expertUsedCount: null,
  stateKind: 'recurrent',
  kvBytesPerToken: 0,
  recurrentStateBytes: 8_192,
};
const LARGE: ModelFacts = {
  ...TINY,
  name: 'Qwen3-4B',
  architecture: 'qwen3',
  fileBytes: 2.5e9,
  totalParams: 4e9,
  activeParams: 4e9,
  layers: 36,
  stateKind: 'attention',
  kvBytesPerToken: 144 * 1024,
  recurrentStateBytes: 0,
};

describe('the decode-speed estimate', () => {
  test('a tiny model stays below a sane ceiling on every path (no "43,151 tok/s")', () => {
    for (const hardware of [LUNAR_LAKE, STRIX_POINT, RTX_DESKTOP]) {
      for (const overrides of [AUTO, CPU]) {
        const plan = planExecution({ hardware, model: TINY, contextSize: 4096, overrides });
        const rate = plan.expectedTokensPerSecond ?? 0;
        assert.ok(
          rate > 100 && rate <= 1 / PER_TOKEN_OVERHEAD_SECONDS,
          `${hardware.cpu.brand} ${overrides.backend}: ${rate} tok/s`,
        );
        assert.match(plan.reasons.join('\n'), /sets? the pace, not memory/);
      }
    }
  });

  test('a large model is still bandwidth-bound: within 5% of bandwidth ÷ bytes per token', () => {
    const plan = planExecution({ hardware: STRIX_POINT, model: LARGE, contextSize: 4096, overrides: CPU });
    const roofline = (STRIX_POINT.memoryBandwidthGBps! * 1e9) / plan.bytesPerToken;
    const rate = plan.expectedTokensPerSecond ?? 0;
    assert.ok(rate < roofline && rate > 0.95 * roofline, `${rate} vs ${roofline}`);
    assert.match(plan.reasons.join('\n'), /GB\/s of measured memory bandwidth ÷/);
  });

  test('on one slow thread, computing a mid-size model is what limits it', () => {
    const speed = estimateDecodeSpeed({
      bytesPerToken: 1e9,
      activeParams: 2e9,
      gpuShare: 0,
      gpuBandwidthGBps: null,
      cpuBandwidthGBps: 100,
      threads: 1,
      cpu: { arch: 'x64', features: ['sse4_2'] },
    });
    assert.equal(speed?.limit, 'compute');
    assert.ok(speed && speed.tokensPerSecond < 100 / 1, 'slower than the memory roofline alone');
  });

  test('no bandwidth known, no estimate', () => {
    const speed = estimateDecodeSpeed({
      bytesPerToken: 1e9,
      activeParams: 1e9,
      gpuShare: 0,
      gpuBandwidthGBps: null,
      cpuBandwidthGBps: null,
      threads: 4,
      cpu: { arch: 'x64', features: ['avx2'] },
    });
    assert.equal(speed, null);
  });
});
