import type { GpuChoice } from '../../contract/index.js';

/**
 * `HEARTH_GPU` picks llama.cpp's compute path until the hardware planner does: `auto` (default),
 * `false`/`cpu`, `cuda`, `vulkan` or `metal`. Tests use `false` so results do not depend on
 * whichever GPU driver the machine happens to have.
 */
export function gpuChoiceFrom(value: string | undefined): GpuChoice {
  switch (value?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'auto':
      return 'auto';
    case 'false':
    case 'cpu':
    case 'off':
      return false;
    case 'cuda':
    case 'vulkan':
    case 'metal':
      return value.trim().toLowerCase() as 'cuda' | 'vulkan' | 'metal';
    default:
      throw new Error(`HEARTH_GPU must be auto, cpu, cuda, vulkan or metal, not "${value}"`);
  }
}
