import type { ExecutionPlan, LoadedModel } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { formatNumber } from '../../../i18n/formatters.js';
import { t } from '../../../i18n/i18n.js';

/**
 * Where what really runs differs from the plan, in sentences. A difference means the settings
 * changed since the model loaded, or llama.cpp could not do what was planned.
 */
export function planDifferences(loaded: LoadedModel, plan: ExecutionPlan, contextSize: number): string[] {
  const differences: string[] = [];
  if (loaded.gpu !== plan.backend) {
    differences.push(
      t('diffBackend', { ns: 'settings', planned: backendLabel(plan.backend), actual: backendLabel(loaded.gpu) }),
    );
  } else if (plan.backend !== 'cpu' && loaded.gpuLayers !== plan.gpuLayers) {
    differences.push(t('diffGpuLayers', { ns: 'settings', planned: plan.gpuLayers, actual: loaded.gpuLayers }));
  }
  if (loaded.threads !== plan.threads) {
    differences.push(t('diffThreads', { ns: 'settings', count: plan.threads, actual: loaded.threads }));
  }
  if (loaded.batchSize !== plan.batchSize) {
    differences.push(t('diffBatch', { ns: 'settings', planned: plan.batchSize, actual: loaded.batchSize }));
  }
  if (loaded.contextSize !== contextSize) {
    differences.push(
      t('diffContext', { ns: 'settings', loaded: formatNumber(loaded.contextSize), saved: formatNumber(contextSize) }),
    );
  }
  return differences;
}
