import type { LoadedModel } from '../../../contract/index.js';
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
    parts.push(`${layers} ${loaded.gpuLayers === 1 && totalLayers === null ? 'layer' : 'layers'} on GPU`);
  }
  parts.push(`${loaded.threads} ${loaded.threads === 1 ? 'thread' : 'threads'}`);
  parts.push(`batch ${loaded.batchSize}`);
  return parts;
}
