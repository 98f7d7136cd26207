import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './fieldErrors.js';
import type { SamplingDraft } from './samplingDraft.js';

interface SamplingFieldsProps {
  draft: SamplingDraft;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (draft: SamplingDraft) => void;
}

// Each field's label is its catalog key; its hint is `<key>Hint`.
const FIELDS: {
  key: keyof SamplingDraft;
  step: string;
  min: string;
  max?: string;
}[] = [
  { key: 'temperature', step: '0.05', min: '0', max: '2' },
  { key: 'topP', step: '0.01', min: '0.01', max: '1' },
  { key: 'maxTokens', step: '1', min: '1', max: '32768' },
  { key: 'seed', step: '1', min: '0' },
];

export function SamplingFields({ draft, errors, disabled = false, onChange }: SamplingFieldsProps) {
  const { t } = useTranslation('settings');
  const baseId = useId();
  return (
    <div className="field-grid">
      {FIELDS.map((field) => {
        const id = `${baseId}-${field.key}`;
        const error = errors[field.key];
        return (
          <div className="field" key={field.key}>
            <label htmlFor={id}>{t(field.key)}</label>
            <input
              id={id}
              className="input"
              type="number"
              inputMode="decimal"
              step={field.step}
              min={field.min}
              max={field.max}
              placeholder={field.key === 'seed' ? t('seedRandom') : undefined}
              value={draft[field.key]}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              data-testid={`sampling-${field.key}`}
              onChange={(event) => onChange({ ...draft, [field.key]: event.target.value })}
            />
            <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
              {error ?? t(`${field.key}Hint`)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
