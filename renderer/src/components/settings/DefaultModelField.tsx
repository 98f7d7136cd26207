import { useId } from 'react';
import { useAppStore } from '../../store/appStore.js';

interface DefaultModelFieldProps {
  value: string | null;
  onChange: (modelId: string | null) => void;
}

export function DefaultModelField({ value, onChange }: DefaultModelFieldProps) {
  const id = useId();
  const models = useAppStore((state) => state.models);
  const missing = value !== null && !models.some((model) => model.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Model for new conversations</label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">The model in use, or none</option>
        {missing && <option value={value}>{value} (not in the models folder)</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.id}
          </option>
        ))}
      </select>
    </div>
  );
}
