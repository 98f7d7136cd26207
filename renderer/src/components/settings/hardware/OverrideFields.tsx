import { useId } from 'react';
import { GpuBackendSchema, type BackendChoice, type GpuBackend } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { useAppStore } from '../../../store/appStore.js';
import type { ModelPlan } from '../../../store/hardwareSlice.js';
import type { FieldErrors } from '../fieldErrors.js';
import { AutoNumberField } from './AutoNumberField.js';
import type { HardwareDraft } from './hardwareDraft.js';

interface OverrideFieldsProps {
  draft: HardwareDraft;
  errors: FieldErrors;
  onChange: (draft: HardwareDraft) => void;
  /** The plan for the chosen model: its figures seed a field switched from Automatic. */
  modelPlan: ModelPlan | null;
  /** The backend saved in Settings, offered even when this machine does not report it. */
  savedBackend: BackendChoice;
}

/** The user's overrides of the plan: backend, GPU layers, CPU threads (saved with the form). */
export function OverrideFields({ draft, errors, onChange, modelPlan, savedBackend }: OverrideFieldsProps) {
  const id = useId();
  const gpus = useAppStore((state) => state.hardwareProfile?.gpus ?? null);
  const found = new Set<GpuBackend>(gpus?.map((gpu) => gpu.backend));
  const offered = GpuBackendSchema.options.filter(
    (backend) => found.has(backend) || backend === draft.backend || backend === savedBackend,
  );
  const layers = modelPlan?.facts.layers ?? null;
  const plannedGpuLayers = modelPlan?.plan.backend === 'cpu' ? layers : modelPlan?.plan.gpuLayers;

  return (
    <div className="overrides" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Override the plan</h4>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-backend`}>Compute backend</label>
          <select
            id={`${id}-backend`}
            className="select"
            value={draft.backend}
            aria-describedby={`${id}-backend-hint`}
            onChange={(event) => onChange({ ...draft, backend: event.target.value as BackendChoice })}
            data-testid="override-backend"
          >
            <option value="auto">Automatic</option>
            <option value="cpu">CPU only</option>
            {offered.map((backend) => (
              <option key={backend} value={backend}>
                {backendLabel(backend)}
                {gpus !== null && !found.has(backend) ? ' (not found here)' : ''}
              </option>
            ))}
          </select>
          <span id={`${id}-backend-hint`} className="field-hint">
            {backendHint(draft.backend)}
          </span>
        </div>

        <AutoNumberField
          label="GPU layers"
          testId="override-gpu-layers"
          auto={draft.autoGpuLayers}
          value={draft.gpuLayers}
          min={0}
          max={layers ?? 10_000}
          disabled={draft.backend === 'cpu'}
          error={errors.gpuLayers}
          hint={
            draft.backend === 'cpu'
              ? 'Not used with CPU only.'
              : `Automatic: as many as fit.${layers === null ? '' : ` This model has ${layers}.`}`
          }
          onChange={(auto, value) =>
            onChange({
              ...draft,
              autoGpuLayers: auto,
              gpuLayers: draft.autoGpuLayers && !auto ? seeded(value, plannedGpuLayers) : value,
            })
          }
        />

        <AutoNumberField
          label="CPU threads"
          testId="override-threads"
          auto={draft.autoThreads}
          value={draft.threads}
          min={1}
          max={256}
          error={errors.threads}
          hint="Automatic: one per performance core."
          onChange={(auto, value) =>
            onChange({
              ...draft,
              autoThreads: auto,
              threads: draft.autoThreads && !auto ? seeded(value, modelPlan?.plan.threads) : value,
            })
          }
        />
      </div>
    </div>
  );
}

function backendHint(backend: BackendChoice): string {
  switch (backend) {
    case 'auto':
      return 'Automatic follows the plan.';
    case 'cpu':
      return 'The CPU only, even where a GPU is found.';
    case 'cuda':
    case 'vulkan':
    case 'metal':
      return `${backendLabel(backend)}, even where the plan would not use it.`;
    default:
      return backend satisfies never;
  }
}

/** A field switched from Automatic starts at what the plan chose, not empty. */
function seeded(value: string, planned: number | null | undefined): string {
  return value === '' && planned !== null && planned !== undefined ? String(planned) : value;
}
