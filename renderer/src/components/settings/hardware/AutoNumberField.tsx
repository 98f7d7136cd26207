import { useTranslation } from 'react-i18next';
import { useId } from 'react';

interface AutoNumberFieldProps {
  label: string;
  testId: string;
  auto: boolean;
  value: string;
  min: number;
  max: number;
  disabled?: boolean;
  error: string | undefined;
  hint: string;
  onChange: (auto: boolean, value: string) => void;
}

/** A number the planner chooses unless "Automatic" is unticked. */
export function AutoNumberField({
  label,
  testId,
  auto,
  value,
  min,
  max,
  disabled = false,
  error,
  hint,
  onChange,
}: AutoNumberFieldProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`} data-testid={testId}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="auto-number">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={auto}
            disabled={disabled}
            onChange={(event) => onChange(event.target.checked, value)}
            data-testid={`${testId}-auto`}
          />
          <span>{t('automatic')}</span>
        </label>
        <input
          className="input"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={auto ? '' : value}
          placeholder={auto ? t('autoPlaceholder') : undefined}
          disabled={disabled || auto}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(false, event.target.value)}
          data-testid={`${testId}-value`}
        />
      </div>
      <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
        {error ?? hint}
      </span>
    </div>
  );
}
