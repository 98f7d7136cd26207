import type { BackendChoice } from '../../../contract/index.js';

const LABELS: Record<BackendChoice, string> = {
  auto: 'Automatic',
  cpu: 'CPU',
  cuda: 'CUDA',
  vulkan: 'Vulkan',
  metal: 'Metal',
};

/** "vulkan" → "Vulkan"; an unknown name (the engine reports a plain string) is shown as it is. */
export function backendLabel(backend: string): string {
  return backend in LABELS ? LABELS[backend as BackendChoice] : backend;
}
