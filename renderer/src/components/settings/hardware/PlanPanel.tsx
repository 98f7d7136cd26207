import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { selectPlanModelId } from '../../../store/selectors.js';
import { LoadedPath } from './LoadedPath.js';
import { PlanDetails } from './PlanDetails.js';
import { SkeletonLines } from './SkeletonLines.js';

interface PlanPanelProps {
  /** The form holds changes the planner has not seen: it plans with the saved settings only. */
  unsavedChanges: boolean;
}

/** How the chosen model would run here, and why; asked again whenever what it depends on is saved. */
export function PlanPanel({ unsavedChanges }: PlanPanelProps) {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const modelId = useAppStore(selectPlanModelId);
  const backend = useAppStore((state) => state.settings?.backend);
  const gpuLayers = useAppStore((state) => state.settings?.gpuLayers);
  const threads = useAppStore((state) => state.settings?.threads);
  const contextSize = useAppStore((state) => state.settings?.contextSize);
  const modelPlan = useAppStore((state) => (state.modelPlan?.modelId === modelId ? state.modelPlan : null));
  const planning = useAppStore((state) => state.planningModelId !== null && state.planningModelId === modelId);
  const error = useAppStore((state) => (state.planError?.modelId === modelId ? state.planError.message : null));

  useEffect(() => {
    if (modelId !== null) void commands.refreshPlan(modelId);
    // The saved overrides and context size are what the planner reads: a change to any is a new plan.
  }, [commands, modelId, backend, gpuLayers, threads, contextSize]);

  return (
    <div className="hardware-card" data-testid="plan-panel" aria-busy={planning}>
      <div className="hardware-card-header">
        <h4 className="break">{modelId === null ? t('planForAModel') : t('howModelRuns', { model: modelId })}</h4>
        {planning && modelPlan && (
          <span className="hint" role="status">
            <span className="spinner" aria-hidden="true" /> {t('planning')}
          </span>
        )}
      </div>

      {modelId === null ? (
        <p className="hint">{t('planChooseModel')}</p>
      ) : (
        <>
          {unsavedChanges && (
            <p className="plan-note" data-testid="plan-unsaved">
              {t('planUnsaved')}
            </p>
          )}
          {error && (
            <p className="field-error" role="alert" data-testid="plan-error">
              {error}
            </p>
          )}
          {modelPlan ? (
            <PlanDetails modelPlan={modelPlan} />
          ) : (
            !error && <SkeletonLines label={t('planReading')} lines={4} />
          )}
          <LoadedPath modelId={modelId} modelPlan={modelPlan} />
        </>
      )}
    </div>
  );
}
