import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModelFileSelect } from './ModelFileSelect.js';

interface DefaultModelFieldProps {
  value: string | null;
  onChange: (modelId: string | null) => void;
}

export function DefaultModelField({ value, onChange }: DefaultModelFieldProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('defaultModel')}</label>
      <ModelFileSelect id={id} value={value} noneLabel={t('defaultModelNone')} onChange={onChange} />
    </div>
  );
}
