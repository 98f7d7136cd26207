import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';

/** Shown while the web host's socket is down. The bridge keeps reconnecting; Reload starts over. */
export function ConnectionStatus() {
  const { t } = useTranslation('common');
  const connected = useAppStore((state) => state.connected);
  if (connected) return null;
  return (
    <div className="connection-status" role="status" data-testid="connection-status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('connectionLost')}</span>
      <button type="button" className="button button--small" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </div>
  );
}
