import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { GpuBackendSchema, type BackendChoice, type GpuBackend } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { t as translate } from '../../../i18n/i18n.js';
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
  const { t } = useTranslation('settings');
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
      <h4 id={`${id}-title`}>{t('overrideThePlan')}</h4>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-backend`}>{t('computeBackend')}</label>
          <select
            id={`${id}-backend`}
            className="select"
            value={draft.backend}
            aria-describedby={`${id}-backend-hint`}
            onChange={(event) => onChange({ ...draft, backend: event.target.value as BackendChoice })}
            data-testid="override-backend"
          >
            <option value="auto">{t('backendAutomatic')}</option>
            <option value="cpu">{t('backendCpuOnly')}</option>
            {offered.map((backend) => (
              <option key={backend} value={backend}>
                {gpus !== null && !found.has(backend)
                  ? t('backendNotFoundHere', { backend: backendLabel(backend) })
                  : backendLabel(backend)}
              </option>
            ))}
          </select>
          <span id={`${id}-backend-hint`} className="field-hint">
            {backendHint(draft.backend)}
          </span>
        </div>

        <AutoNumberField
          label={t('gpuLayers')}
          testId="override-gpu-layers"
          auto={draft.autoGpuLayers}
          value={draft.gpuLayers}
          min={0}
          max={layers ?? 10_000}
          disabled={draft.backend === 'cpu'}
          error={errors.gpuLayers}
          hint={
            draft.backend === 'cpu'
              ? t('gpuLayersCpuOnly')
              : layers === null
                ? t('gpuLayersAuto')
                : t('gpuLayersAutoOf', { layers })
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
          label={t('cpuThreads')}
          testId="override-threads"
          auto={draft.autoThreads}
          value={draft.threads}
          min={1}
          max={256}
          error={errors.threads}
          hint={t('threadsAuto')}
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
      return translate('backendHintAuto', { ns: 'settings' });
    case 'cpu':
      return translate('backendHintCpu', { ns: 'settings' });
    case 'cuda':
    case 'vulkan':
    case 'metal':
      return translate('backendHintGpu', { ns: 'settings', backend: backendLabel(backend) });
    default:
      return backend satisfies never;
  }
}

/** A field switched from Automatic starts at what the plan chose, not empty. */
function seeded(value: string, planned: number | null | undefined): string {
  return value === '' && planned !== null && planned !== undefined ? String(planned) : value;
}
