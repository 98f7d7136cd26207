import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

export interface NoticeLineValue {
  level: 'info' | 'error';
  message: string;
}

interface NoticeLineProps {
  notice: NoticeLineValue | null;
  onDismiss: () => void;
  testId: string;
}

const INFO_VISIBLE_MS = 8_000;

/**
 * What a modal dialog last did or failed to do, shown inside it: the app's banners sit behind the
 * modal. Information fades out; errors stay until dismissed.
 */
export function NoticeLine({ notice, onDismiss, testId }: NoticeLineProps) {
  const { t } = useTranslation('common');
  useEffect(() => {
    if (notice?.level !== 'info') return;
    const timer = window.setTimeout(onDismiss, INFO_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, onDismiss]);
  if (!notice) return null;
  return (
    <div
      className={`notice-line banner banner--${notice.level}`}
      role={notice.level === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-level={notice.level}
    >
      <Icon name={notice.level === 'error' ? 'alert' : 'info'} />
      <p className="banner-message">{notice.message}</p>
      <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
