import type { Download } from '../../../../contract/index.js';
import { formatBytes } from '../../format/formatBytes.js';
import { formatDuration } from '../../format/formatDuration.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { percentOf } from './activeDownloads.js';

const STATE_LABELS: Record<Download['state'], string> = {
  queued: 'Waiting to start',
  downloading: 'Downloading',
  paused: 'Paused',
  verifying: 'Verifying…',
  failed: 'Failed',
  complete: 'Downloaded',
};

interface DownloadRowProps {
  download: Download;
  /** Shows the finished model in Installed. */
  onShowModel: (modelId: string) => void;
}

/** One download: progress, speed and time left, and what can be done with it now. */
export function DownloadRow({ download, onShowModel }: DownloadRowProps) {
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
          {STATE_LABELS[download.state]}
        </span>
      </div>
      <p className="download-source break">
        {entryName ? `${entryName}${download.quantization ? ` · ${download.quantization}` : ''}` : download.uri}
      </p>

      <div
        className="progress-bar"
        role="progressbar"
        aria-label={`Download of ${download.fileName}`}
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
              Pause
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
              {download.state === 'failed' ? 'Retry' : 'Resume'}
            </button>
          )}
          {finished && download.modelId !== null && (
            <button
              type="button"
              className="button button--small"
              onClick={() => download.modelId !== null && onShowModel(download.modelId)}
              data-testid="show-downloaded-model"
            >
              Show model
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => void commands.cancelDownload(download.id)}
            data-testid="cancel-download"
            title={finished ? 'Remove from this list (the model stays)' : 'Stop and delete the partial file'}
          >
            {finished ? 'Clear' : 'Cancel'}
          </button>
        </span>
      </div>

      {download.error && (
        <p
          className={download.state === 'failed' ? 'field-error' : 'hint'}
          role={download.state === 'failed' ? 'alert' : undefined}
          data-testid="download-error"
        >
          {download.state === 'failed' ? '' : 'Retrying: '}
          {download.error}
        </p>
      )}
    </li>
  );
}

/** "1.2 GB of 4.7 GB · 12 MB/s · 5 min left". */
function describeFigures(download: Download): string {
  const parts = [
    download.totalBytes > 0
      ? `${formatBytes(download.receivedBytes)} of ${formatBytes(download.totalBytes)}`
      : `${formatBytes(download.receivedBytes)}`,
  ];
  if (download.state === 'downloading' && download.bytesPerSecond > 0) {
    parts.push(`${formatBytes(download.bytesPerSecond)}/s`);
  }
  if (download.state === 'downloading' && download.secondsLeft !== null) {
    parts.push(`${formatDuration(download.secondsLeft)} left`);
  }
  if (download.attempts > 1 && download.state !== 'complete') parts.push(`attempt ${download.attempts}`);
  return parts.join(' · ');
}

function describeProgress(download: Download, percent: number | null): string {
  if (download.state === 'verifying') return 'Verifying the file';
  if (percent === null) return `${formatBytes(download.receivedBytes)} received`;
  return `${percent}%, ${describeFigures(download)}`;
}
