import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedMessage } from '../../i18n/i18n.js';
import type { Banner } from '../../store/uiSlice.js';
import { Icon } from './Icon.js';

const INFO_VISIBLE_MS = 10_000;

/** One banner. Information fades out by itself; warnings and errors stay until dismissed. */
export function BannerItem({ banner, onDismiss }: { banner: Banner; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (banner.level !== 'info') return;
    const timer = window.setTimeout(() => onDismiss(banner.id), INFO_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [banner, onDismiss]);

  return (
    <div
      className={`banner banner--${banner.level}`}
      role={banner.level === 'error' ? 'alert' : 'status'}
      data-testid="banner"
      data-level={banner.level}
      data-kind={banner.kind}
      data-conversation-id={banner.conversationId}
    >
      <Icon name={banner.level === 'info' ? 'info' : 'alert'} />
      <p className="banner-message">{localizedMessage(banner)}</p>
      <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={() => onDismiss(banner.id)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
