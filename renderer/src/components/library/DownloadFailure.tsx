import { useTranslation } from 'react-i18next';
import type { Download } from '../../../../contract/index.js';
import { localizedMessage } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { Icon } from '../common/Icon.js';

/**
 * A download that failed, told where it was started (the recommendation card): why, what to do,
 * and the two ways on: retry it here, or open Downloads for the details and other choices.
 */
export function DownloadFailure({ download, name }: { download: Download; name: string }) {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const reason =
    download.error === null ? null : localizedMessage({ message: download.error, text: download.errorText });
  return (
    <div className="download-failure card-error" role="alert" data-testid="download-failure">
      <Icon name="alert" size={16} />
      <div>
        <p className="card-error-title">{t('downloadFailedTitle', { name })}</p>
        {reason && <p data-testid="download-failure-reason">{reason}</p>}
        <p className="hint">{t('downloadFailedAdvice')}</p>
        <div className="download-failure-actions">
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => void commands.resumeDownload(download.id)}
            data-testid="download-failure-retry"
          >
            <Icon name="play" size={13} />
            {t('retry')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => commands.openLibrary('downloads')}
            data-testid="download-failure-open"
          >
            {t('openDownloads')}
          </button>
        </div>
      </div>
    </div>
  );
}
