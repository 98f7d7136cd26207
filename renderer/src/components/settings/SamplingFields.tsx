import { useId } from 'react';
import type { FieldErrors } from './fieldErrors.js';
import type { SamplingDraft } from './samplingDraft.js';

interface SamplingFieldsProps {
  draft: SamplingDraft;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (draft: SamplingDraft) => void;
}

const FIELDS: {
  key: keyof SamplingDraft;
  label: string;
  hint: string;
  step: string;
  min: string;
  max?: string;
}[] = [
  {
    key: 'temperature',
    label: 'Temperature',
    hint: '0 always picks the likeliest word.',
    step: '0.05',
    min: '0',
    max: '2',
  },
  {
    key: 'topP',
    label: 'Top-p',
    hint: 'Samples from the smallest set of words this likely.',
    step: '0.01',
    min: '0.01',
    max: '1',
  },
  { key: 'maxTokens', label: 'Max tokens', hint: 'The longest answer, in tokens.', step: '1', min: '1', max: '32768' },
  { key: 'seed', label: 'Seed', hint: 'Empty: different each time. A number repeats answers.', step: '1', min: '0' },
];

export function SamplingFields({ draft, errors, disabled = false, onChange }: SamplingFieldsProps) {
  const baseId = useId();
  return (
    <div className="field-grid">
      {FIELDS.map((field) => {
        const id = `${baseId}-${field.key}`;
        const error = errors[field.key];
        return (
          <div className="field" key={field.key}>
            <label htmlFor={id}>{field.label}</label>
            <input
              id={id}
              className="input"
              type="number"
              inputMode="decimal"
              step={field.step}
              min={field.min}
              max={field.max}
              placeholder={field.key === 'seed' ? 'Random' : undefined}
              value={draft[field.key]}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              data-testid={`sampling-${field.key}`}
              onChange={(event) => onChange({ ...draft, [field.key]: event.target.value })}
            />
            <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
              {error ?? field.hint}
            </span>
          </div>
        );
      })}
    </div>
  );
}
