/**
 * The texts Settings builds from facts, in both languages: what it says when no GPU is listed
 * (found none, or not looked for and why), and the figures that used to be English-only.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { noGpuText } from '../../renderer/src/components/settings/hardware/noGpuText.js';
import { describeCores } from '../../renderer/src/format/describeCores.js';
import { formatDuration } from '../../renderer/src/format/formatDuration.js';
import { localizedPlanLines } from '../../renderer/src/format/localizedPlanLines.js';
import { planExecution } from '../../main/hardware/planner/planExecution.js';
import { i18n } from '../../renderer/src/i18n/i18n.js';
import type { CpuInfo, HardwareProfile, ModelFacts } from '../../contract/index.js';

const cpu = (physical: number, logical: number, performance: number | null, efficiency: number | null): CpuInfo => ({
  arch: 'x64',
  vendor: 'GenuineIntel',
  brand: 'Test CPU',
  family: 6,
  model: 1,
  features: [],
  physicalCores: physical,
  logicalCores: logical,
  performanceCores: performance,
  efficiencyCores: efficiency,
});

describe('settings texts', () => {
  afterEach(() => i18n.changeLanguage('en'));

  test('no GPU: "CPU only is chosen" only when the user chose it', () => {
    assert.equal(noGpuText({}), 'No GPU found.');
    assert.match(noGpuText({ gpusNotProbed: 'settings' }), /^Not looked for, as CPU only is chosen\./);
    const atLaunch = noGpuText({ gpusNotProbed: 'launch' });
    assert.match(atLaunch, /started with CPU only for this run/);
    assert.doesNotMatch(atLaunch, /is chosen/);
  });

  test('no GPU, in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(noGpuText({}), '未找到 GPU。');
    assert.match(noGpuText({ gpusNotProbed: 'settings' }), /仅 CPU/);
    assert.match(noGpuText({ gpusNotProbed: 'launch' }), /HEARTH_GPU=cpu/);
  });

  test('cores and durations follow the language, with plurals in English', async () => {
    assert.equal(describeCores(cpu(1, 1, null, null)), '1 core, 1 thread');
    assert.equal(describeCores(cpu(8, 12, 4, 4)), '8 cores (4 performance + 4 efficiency), 12 threads');
    assert.equal(formatDuration(330), '5 min 30 s');
    await i18n.changeLanguage('zh-CN');
    assert.equal(describeCores(cpu(8, 12, 4, 4)), '8 核（4 性能核 + 4 能效核），12 线程');
    assert.equal(formatDuration(7260), '2 小时 1 分');
  });

  test("the planner's reasons reach the UI in its language, its English kept for logs and tests", async () => {
    const hardware: HardwareProfile = {
      platform: 'linux',
      cpu: cpu(8, 16, null, null),
      totalMemoryBytes: 16 * 1024 ** 3,
      freeMemoryBytes: 8 * 1024 ** 3,
      memoryBandwidthGBps: 40,
      gpus: [],
      npus: [],
      sources: { cpu: 'addon', topology: 'addon', npus: 'addon', bandwidth: 'addon', gpus: 'none' },
      gpusNotProbed: 'settings',
    };
    const model: ModelFacts = {
      architecture: 'rwkv6',
      name: null,
      fileBytes: 1024 ** 3,
      quantization: 'Q8_0',
      totalParams: 1_000_000_000,
      activeParams: 1_000_000_000,
      layers: 24,
      trainedContextLength: 4096,
      expertCount: null,
      expertUsedCount: null,
      stateKind: 'recurrent',
      kvBytesPerToken: 0,
      recurrentStateBytes: 1024 ** 2,
    };
    const plan = planExecution({
      hardware,
      model,
      contextSize: 1024,
      overrides: { backend: 'cpu', gpuLayers: null, threads: null },
    });
    assert.ok(plan.reasons.includes('CPU only, as chosen in Settings.'));
    assert.deepEqual(localizedPlanLines(plan).reasons, plan.reasons);
    await i18n.changeLanguage('zh-CN');
    const { reasons } = localizedPlanLines(plan);
    assert.equal(reasons.length, plan.reasons.length);
    assert.ok(reasons.includes('仅 CPU，按设置中的选择。'));
    assert.ok(
      reasons.every((reason, index) => reason !== plan.reasons[index]),
      reasons.join('\n'),
    );
  });
});
