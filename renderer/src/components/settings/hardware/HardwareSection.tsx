import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { BackendChoice } from '../../../../../contract/index.js';
import { useAppStore } from '../../../store/appStore.js';
import { selectPlanModelId } from '../../../store/selectors.js';
import type { FieldErrors } from '../fieldErrors.js';
import type { HardwareDraft } from './hardwareDraft.js';
import { MachinePanel } from './MachinePanel.js';
import { OverrideFields } from './OverrideFields.js';
import { PlanPanel } from './PlanPanel.js';
import { ReloadModelButton } from './ReloadModelButton.js';

interface HardwareSectionProps {
  draft: HardwareDraft;
  errors: FieldErrors;
  onChange: (draft: HardwareDraft) => void;
  savedBackend: BackendChoice;
  /** Saves the whole form without closing it; null when nothing the planner reads has changed. */
  saveFirst: (() => Promise<boolean>) | null;
}

/** The machine, the plan for the chosen model, and the user's overrides of that plan. */
export function HardwareSection({ draft, errors, onChange, savedBackend, saveFirst }: HardwareSectionProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  const modelId = useAppStore(selectPlanModelId);
  const modelPlan = useAppStore((state) => (state.modelPlan?.modelId === modelId ? state.modelPlan : null));

  return (
    <section className="settings-section" data-testid="hardware-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('hardware')}</h3>
      <MachinePanel />
      <PlanPanel unsavedChanges={saveFirst !== null} />
      <OverrideFields
        draft={draft}
        errors={errors}
        onChange={onChange}
        modelPlan={modelPlan}
        savedBackend={savedBackend}
      />
      <ReloadModelButton modelId={modelId} saveFirst={saveFirst} />
    </section>
  );
}
