import type { BackendChoice } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** Product names, the same in every language. */
const LABELS: Record<Exclude<BackendChoice, 'auto'>, string> = {
  cpu: 'CPU',
  cuda: 'CUDA',
  vulkan: 'Vulkan',
  metal: 'Metal',
};

/** "vulkan" → "Vulkan"; an unknown name (the engine reports a plain string) is shown as it is. */
export function backendLabel(backend: string): string {
  if (backend === 'auto') return t('backendAutomatic', { ns: 'settings' });
  return backend in LABELS ? LABELS[backend as keyof typeof LABELS] : backend;
}
