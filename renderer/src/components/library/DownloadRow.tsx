import { useTranslation } from 'react-i18next';
import type { Download } from '../../../../contract/index.js';
import { formatBytes } from '../../format/formatBytes.js';
import { formatDuration } from '../../format/formatDuration.js';
import { localizedMessage, t as translate } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { percentOf } from './activeDownloads.js';

const STATE_LABELS = {
  queued: 'stateQueued',
  downloading: 'stateDownloading',
  paused: 'statePaused',
  verifying: 'stateVerifying',
  failed: 'stateFailed',
  complete: 'stateComplete',
} as const satisfies Record<Download['state'], string>;

interface DownloadRowProps {
  download: Download;
  /** Shows the finished model in Installed. */
  onShowModel: (modelId: string) => void;
}

/** One download: progress, speed and time left, and what can be done with it now. */
export function DownloadRow({ download, onShowModel }: DownloadRowProps) {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const entryName = useAppStore(
    (state) => state.catalog?.entries.find((entry) => entry.id === download.entryId)?.name ?? null,
  );
  const percent = download.state === 'complete' ? 100 : percentOf(download);
  const indeterminate = download.state === 'verifying' || (percent === null && download.state === 'downloading');
  const canPause = download.state === 'downloading' || download.state === 'queued';
  const canResume = download.state === 'paused' || download.state === 'failed';
  const finished = download.state === 'complete';

  return (
    <li className="download-row" data-testid="download-row" data-state={download.state} data-id={download.id}>
      <div className="download-head">
        <span className="download-name break" title={download.uri}>
          {download.fileName}
        </span>
        <span className={`download-state download-state--${download.state}`}>
          {download.state === 'verifying' && <span className="spinner" aria-hidden="true" />}
          {download.state === 'complete' && <Icon name="check" size={14} />}
          {download.state === 'failed' && <Icon name="alert" size={14} />}
          {t(STATE_LABELS[download.state])}
        </span>
      </div>
      <p className="download-source break">
        {entryName ? `${entryName}${download.quantization ? ` · ${download.quantization}` : ''}` : download.uri}
      </p>

      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t('downloadOf', { file: download.fileName })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={indeterminate ? undefined : (percent ?? 0)}
        aria-valuetext={describeProgress(download, percent)}
        data-indeterminate={indeterminate || undefined}
        data-state={download.state}
      >
        {/* Separate elements: the fill must not animate from a full-width sheen down to its share. */}
        {indeterminate ? (
          <span className="progress-bar-sheen" />
        ) : (
          <span className="progress-bar-fill" style={{ width: `${percent ?? 0}%` }} />
        )}
      </div>

      <div className="download-foot">
        <span className="download-figures" data-testid="download-figures">
          {describeFigures(download)}
        </span>
        <span className="download-actions">
          {canPause && (
            <button
              type="button"
              className="button button--small"
              onClick={() => void commands.pauseDownload(download.id)}
              data-testid="pause-download"
            >
              <Icon name="pause" size={13} />
              {t('pause')}
            </button>
          )}
          {canResume && (
            <button
              type="button"
              className="button button--small"
              onClick={() => void commands.resumeDownload(download.id)}
              data-testid="resume-download"
            >
              <Icon name="play" size={13} />
              {download.state === 'failed' ? t('retry') : t('resume')}
            </button>
          )}
          {finished && download.modelId !== null && (
            <button
              type="button"
              className="button button--small"
              onClick={() => download.modelId !== null && onShowModel(download.modelId)}
              data-testid="show-downloaded-model"
            >
              {t('showModel')}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => void commands.cancelDownload(download.id)}
            data-testid="cancel-download"
            title={finished ? t('clearTitle') : t('cancelTitle')}
          >
            {finished ? t('clear') : t('cancel')}
          </button>
        </span>
      </div>

      {download.error && (
        <p
          className={download.state === 'failed' ? 'field-error' : 'hint'}
          role={download.state === 'failed' ? 'alert' : undefined}
          data-testid="download-error"
        >
          {download.state === 'failed' ? '' : `${t('retrying')} `}
          {localizedMessage({ message: download.error, text: download.errorText })}
        </p>
      )}
    </li>
  );
}

/** "1.2 GB of 4.7 GB · 12 MB/s · 5 min left". */
function describeFigures(download: Download): string {
  const t = translate;
  const parts = [
    download.totalBytes > 0
      ? t('figuresOf', {
          ns: 'library',
          received: formatBytes(download.receivedBytes),
          total: formatBytes(download.totalBytes),
        })
      : formatBytes(download.receivedBytes),
  ];
  if (download.state === 'downloading' && download.bytesPerSecond > 0) {
    parts.push(t('figuresSpeed', { ns: 'library', speed: formatBytes(download.bytesPerSecond) }));
  }
  if (download.state === 'downloading' && download.secondsLeft !== null) {
    parts.push(t('figuresLeft', { ns: 'library', duration: formatDuration(download.secondsLeft) }));
  }
  if (download.attempts > 1 && download.state !== 'complete') {
    parts.push(t('figuresAttempt', { ns: 'library', attempt: download.attempts }));
  }
  return parts.join(' · ');
}

function describeProgress(download: Download, percent: number | null): string {
  if (download.state === 'verifying') return translate('progressVerifying', { ns: 'library' });
  if (percent === null)
    return translate('progressReceived', { ns: 'library', received: formatBytes(download.receivedBytes) });
  return translate('progressPercent', { ns: 'library', percent, figures: describeFigures(download) });
}
