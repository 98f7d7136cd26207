import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../common/CopyButton.js';

interface NewKeyRevealProps {
  name: string;
  apiKey: string;
  onDone: () => void;
}

/** A key just made: the only time it is shown, since main keeps nothing but its hash. */
export function NewKeyReveal({ name, apiKey, onDone }: NewKeyRevealProps) {
  const { t } = useTranslation('settings');
  return (
    <div className="new-key" role="group" aria-label={t('newKeyLabel', { name })} data-testid="new-api-key">
      <p>
        <strong>{t('copyKeyNow', { name })}</strong> {t('keyFingerprintOnly')}
      </p>
      <div className="new-key-row">
        <code className="new-key-value" data-testid="new-api-key-value">
          {apiKey}
        </code>
        <CopyButton text={apiKey} label={t('copyTheKey')} showLabel testId="new-api-key-copy" />
      </div>
      <button type="button" className="button button--small" onClick={onDone} data-testid="new-api-key-done">
        {t('keyCopied')}
      </button>
    </div>
  );
}
