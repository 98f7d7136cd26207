import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../../contract/index.js';

const OPTIONS = [
  { value: 'system', label: 'themeSystem' },
  { value: 'light', label: 'themeLight' },
  { value: 'dark', label: 'themeDark' },
] as const satisfies readonly { value: Theme; label: string }[];

export function ThemeField({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  const { t } = useTranslation('settings');
  return (
    <fieldset className="segmented" data-testid="theme-field">
      <legend className="visually-hidden">{t('theme')}</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="segmented-option">
          <input
            type="radio"
            name="theme"
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{t(option.label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
