import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../../contract/index.js';
import { RadioChoice } from '../common/RadioChoice.js';

const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];
const LABELS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;

export function ThemeField({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  const { t } = useTranslation('settings');
  return (
    <RadioChoice
      legend={t('theme')}
      legendHidden
      options={THEMES.map((theme) => ({ value: theme, label: t(LABELS[theme]) }))}
      value={value}
      onChange={onChange}
      look="segmented"
      testId="theme-field"
    />
  );
}
