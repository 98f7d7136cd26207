import type { BackendChoice, Settings } from '../../../../../contract/index.js';
import { toNumber } from '../samplingDraft.js';

/** The user's overrides of the plan, as typed into the form. */
export interface HardwareDraft {
  backend: BackendChoice;
  autoGpuLayers: boolean;
  gpuLayers: string;
  autoThreads: boolean;
  threads: string;
}

type HardwareSettings = Pick<Settings, 'backend' | 'gpuLayers' | 'threads'>;

export function toHardwareDraft(settings: HardwareSettings): HardwareDraft {
  return {
    backend: settings.backend,
    autoGpuLayers: settings.gpuLayers === null,
    gpuLayers: settings.gpuLayers === null ? '' : String(settings.gpuLayers),
    autoThreads: settings.threads === 0,
    threads: settings.threads === 0 ? '' : String(settings.threads),
  };
}

/** The draft as settings, unchecked: the caller validates them with the contract's schema. */
export function hardwareInput(draft: HardwareDraft): Record<keyof HardwareSettings, unknown> {
  return {
    backend: draft.backend,
    gpuLayers: draft.autoGpuLayers ? null : toNumber(draft.gpuLayers),
    // 0 is the settings' word for "chosen by Hearth".
    threads: draft.autoThreads ? 0 : toNumber(draft.threads),
  };
}

/** Whether saving the draft would change what the planner is told. */
export function isHardwareDraftChanged(draft: HardwareDraft, saved: HardwareSettings): boolean {
  const input = hardwareInput(draft);
  return input.backend !== saved.backend || input.gpuLayers !== saved.gpuLayers || input.threads !== saved.threads;
}
