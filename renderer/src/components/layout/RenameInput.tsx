import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const TITLE_MAX = 200;

interface RenameInputProps {
  initial: string;
  /** The new title, or null when the user cancelled. Called once. */
  onDone: (title: string | null) => void | Promise<void>;
}

/** Enter or leaving the field saves; Esc cancels; an empty title is not saved. */
export function RenameInput({ initial, onDone }: RenameInputProps) {
  const { t } = useTranslation('layout');
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (title: string | null) => {
    if (finished.current) return;
    finished.current = true;
    const trimmed = title?.trim() ?? '';
    void onDone(trimmed === '' ? null : trimmed);
  };

  return (
    <input
      ref={ref}
      className="rename-input"
      aria-label={t('renameInputLabel')}
      data-testid="rename-input"
      value={value}
      maxLength={TITLE_MAX}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(value);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          finish(null);
        }
      }}
    />
  );
}
