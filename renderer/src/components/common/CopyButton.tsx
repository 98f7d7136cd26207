import { useCopy } from '../../hooks/useCopy.js';
import { Icon } from './Icon.js';

interface CopyButtonProps {
  /** The text, or a function that reads it at click time (e.g. from the DOM). */
  text: string | (() => string);
  label: string;
  className?: string;
  showLabel?: boolean;
  testId?: string;
}

export function CopyButton({ text, label, className, showLabel = false, testId }: CopyButtonProps) {
  const { result, copy } = useCopy();
  const shown = result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : label;
  return (
    <button
      type="button"
      className={`${showLabel ? 'button button--small' : 'icon-button'} ${className ?? ''}`}
      aria-label={shown}
      title={shown}
      data-testid={testId}
      onClick={() => void copy(typeof text === 'string' ? text : text())}
    >
      <Icon name={result === 'copied' ? 'check' : 'copy'} />
      {showLabel && <span>{result === 'copied' ? 'Copied' : 'Copy'}</span>}
    </button>
  );
}
