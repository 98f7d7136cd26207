/**
 * The texts Settings builds from facts, in both languages: what it says when no GPU is listed
 * (found none, or not looked for and why), and the figures that used to be English-only.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { noGpuText } from '../../renderer/src/components/settings/hardware/noGpuText.js';
import { describeCores } from '../../renderer/src/format/describeCores.js';
import { formatDuration } from '../../renderer/src/format/formatDuration.js';
import { i18n } from '../../renderer/src/i18n/i18n.js';
import type { CpuInfo } from '../../contract/index.js';

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
});
