import { useTranslation } from 'react-i18next';
import { useCopy } from '../../hooks/useCopy.js';
import { Icon, type IconName } from './Icon.js';

interface CopyButtonProps {
  /** The text, or a function that reads it at click time (e.g. from the DOM). */
  text: string | (() => string);
  label: string;
  className?: string;
  showLabel?: boolean;
  testId?: string;
  /** The icon before copying (a check mark after). */
  icon?: IconName;
}

export function CopyButton({ text, label, className, showLabel = false, testId, icon = 'copy' }: CopyButtonProps) {
  const { t } = useTranslation('common');
  const { result, copy } = useCopy();
  const shown = result === 'copied' ? t('copied') : result === 'failed' ? t('copyFailed') : label;
  return (
    <button
      type="button"
      className={`${showLabel ? 'button button--small' : 'icon-button'} ${className ?? ''}`}
      aria-label={shown}
      title={shown}
      data-testid={testId}
      data-copied={result === 'copied' || undefined}
      onClick={() => void copy(typeof text === 'string' ? text : text())}
    >
      <Icon name={result === 'copied' ? 'check' : icon} />
      {showLabel && <span>{result === 'copied' ? t('copied') : t('copy')}</span>}
    </button>
  );
}
