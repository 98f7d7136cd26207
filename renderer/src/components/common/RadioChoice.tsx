import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
}

interface RadioChoiceProps<T extends string> {
  legend: string;
  options: readonly RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** `segmented`: the options side by side as one control (Settings → Theme); `list`: one per line. */
  look: 'segmented' | 'list';
  /** The legend is read by screen readers but not shown (a label beside the group names it already). */
  legendHidden?: boolean;
  testId?: string;
}

/** One of a few options, as native radio buttons in a fieldset (arrow keys move between them). */
export function RadioChoice<T extends string>({
  legend,
  options,
  value,
  onChange,
  look,
  legendHidden = false,
  testId,
}: RadioChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className={look === 'segmented' ? 'segmented' : 'radio-list'} data-testid={testId}>
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={look === 'segmented' ? 'segmented-option' : undefined}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
