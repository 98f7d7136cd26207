import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';

interface ModelFileSelectProps {
  id: string;
  value: string | null;
  /** The first option, for no model. */
  noneLabel: string;
  hintId?: string;
  testId?: string;
  onChange: (modelId: string | null) => void;
}

/** A models-folder file (the default model, or one for a side job: embedding, reranking); a chosen file that is gone stays listed as such. */
export function ModelFileSelect({ id, value, noneLabel, hintId, testId, onChange }: ModelFileSelectProps) {
  const { t } = useTranslation('settings');
  const models = useAppStore((state) => state.models);
  const missing = value !== null && !models.some((model) => model.id === value);
  return (
    <select
      id={id}
      className="select"
      value={value ?? ''}
      aria-describedby={hintId}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      data-testid={testId}
    >
      <option value="">{noneLabel}</option>
      {missing && <option value={value}>{t('modelMissing', { model: value })}</option>}
      {models.map((model) => (
        <option key={model.id} value={model.id}>
          {model.id}
        </option>
      ))}
    </select>
  );
}
