import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './fieldErrors.js';
import { StateUsagePanel } from './StateUsagePanel.js';
import { withBudgetUnit, type SizeUnit, type StatesDraft } from './statesDraft.js';

interface SavedStatesSectionProps {
  draft: StatesDraft;
  errors: FieldErrors;
  onChange: (draft: StatesDraft) => void;
}

/** Whether and how much to save of conversation states (saved with the form), and the space they take now. */
export function SavedStatesSection({ draft, errors, onChange }: SavedStatesSectionProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  const off = !draft.saveStates;
  return (
    <section className="settings-section" data-testid="states-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('savedStates')}</h3>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.saveStates}
            onChange={(event) => onChange({ ...draft, saveStates: event.target.checked })}
            aria-describedby={`${id}-explain`}
            data-testid="save-states"
          />
          <span>{t('saveStates')}</span>
        </label>
        <span id={`${id}-explain`} className="field-hint checkbox-hint">
          {t('saveStatesHint')}
        </span>
      </div>

      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-budget`}>{t('stateBudget')}</label>
          <div className="input-with-unit">
            <input
              id={`${id}-budget`}
              className="input"
              type="number"
              min={0}
              step="any"
              value={draft.budget}
              disabled={off}
              aria-invalid={errors.stateBudgetBytes ? true : undefined}
              aria-describedby={`${id}-budget-hint`}
              onChange={(event) => onChange({ ...draft, budget: event.target.value })}
              data-testid="states-budget"
            />
            <label className="visually-hidden" htmlFor={`${id}-budget-unit`}>
              {t('unit')}
            </label>
            <select
              id={`${id}-budget-unit`}
              className="select"
              value={draft.budgetUnit}
              disabled={off}
              onChange={(event) => onChange(withBudgetUnit(draft, event.target.value as SizeUnit))}
              data-testid="states-budget-unit"
            >
              <option value="MB">MB</option>
              <option value="GB">GB</option>
            </select>
          </div>
          <span id={`${id}-budget-hint`} className={errors.stateBudgetBytes ? 'field-error' : 'field-hint'}>
            {errors.stateBudgetBytes ?? t('stateBudgetHint')}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-checkpoints`}>{t('checkpoints')}</label>
          <input
            id={`${id}-checkpoints`}
            className="input"
            type="number"
            min={1}
            max={256}
            step={1}
            value={draft.checkpointsPerBranch}
            disabled={off}
            aria-invalid={errors.checkpointsPerBranch ? true : undefined}
            aria-describedby={`${id}-checkpoints-hint`}
            onChange={(event) => onChange({ ...draft, checkpointsPerBranch: event.target.value })}
            data-testid="states-checkpoints"
          />
          <span id={`${id}-checkpoints-hint`} className={errors.checkpointsPerBranch ? 'field-error' : 'field-hint'}>
            {errors.checkpointsPerBranch ?? t('checkpointsHint')}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-cap`}>{t('attentionCap')}</label>
          <input
            id={`${id}-cap`}
            className="input"
            type="number"
            min={0}
            step={1}
            value={draft.attentionCap}
            disabled={off}
            aria-invalid={errors.attentionStateCapBytes ? true : undefined}
            aria-describedby={`${id}-cap-hint`}
            onChange={(event) => onChange({ ...draft, attentionCap: event.target.value })}
            data-testid="states-attention-cap"
          />
          <span id={`${id}-cap-hint`} className={errors.attentionStateCapBytes ? 'field-error' : 'field-hint'}>
            {errors.attentionStateCapBytes ?? t('attentionCapHint')}
          </span>
        </div>
      </div>

      <StateUsagePanel />
    </section>
  );
}
