import { useId } from 'react';
import { ModelFileSelect } from './ModelFileSelect.js';

interface DefaultModelFieldProps {
  value: string | null;
  onChange: (modelId: string | null) => void;
}

export function DefaultModelField({ value, onChange }: DefaultModelFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Model for new conversations</label>
      <ModelFileSelect id={id} value={value} noneLabel="The model in use, or none" onChange={onChange} />
    </div>
  );
}
