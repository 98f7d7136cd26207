import type { LoadedModel } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';
import { backendLabel } from './backendLabel.js';

/**
 * What really runs, in parts: ["Vulkan", "llvmpipe (LLVM 15)", "3/3 layers on GPU", "1 thread",
 * "batch 512"]. `totalLayers` is the model's layer count when known (the engine does not report it).
 */
export function describeLoadedPath(loaded: LoadedModel, totalLayers: number | null): string[] {
  const parts = [backendLabel(loaded.gpu)];
  if (loaded.gpu !== 'cpu') {
    if (loaded.device) parts.push(loaded.device);
    const layers = totalLayers === null ? `${loaded.gpuLayers}` : `${loaded.gpuLayers}/${totalLayers}`;
    // "1/3 layers": the noun follows the total when there is one.
    parts.push(t('layersOnGpu', { ns: 'settings', layers, count: totalLayers ?? loaded.gpuLayers }));
  }
  parts.push(t('threadCount', { ns: 'settings', count: loaded.threads }));
  parts.push(t('batchOf', { ns: 'settings', size: loaded.batchSize }));
  return parts;
}
