import { useId } from 'react';
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
  const id = useId();
  const off = !draft.saveStates;
  return (
    <section className="settings-section" data-testid="states-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Saved conversation states</h3>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.saveStates}
            onChange={(event) => onChange({ ...draft, saveStates: event.target.checked })}
            aria-describedby={`${id}-explain`}
            data-testid="save-states"
          />
          <span>Save conversation states</span>
        </label>
        <span id={`${id}-explain`} className="field-hint checkbox-hint">
          RWKV and Mamba models hold a whole conversation in a fixed-size state. Saving it lets Hearth resume,
          regenerate and edit without reading the history again.
        </span>
      </div>

      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-budget`}>Space for saved states</label>
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
              Unit
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
            {errors.stateBudgetBytes ?? 'When full, the least recently used states go first.'}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-checkpoints`}>States kept per branch</label>
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
            {errors.checkpointsPerBranch ?? 'For the most recent turns of each branch.'}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-cap`}>Largest attention-model state (MB)</label>
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
            {errors.attentionStateCapBytes ??
              'Other models’ states grow with the conversation; larger ones are not saved.'}
          </span>
        </div>
      </div>

      <StateUsagePanel />
    </section>
  );
}
