import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { downloadOf, percentOf } from './activeDownloads.js';

interface CatalogDownloadButtonProps {
  entryId: string;
  quantization: string;
  installedModelId: string | null;
  testId: string;
  /** The button's text; "Download" in the UI's language by default. */
  label?: string;
  primary?: boolean;
}

/** Download one catalog file; shows "Installed" or the running download's progress instead. */
export function CatalogDownloadButton({
  entryId,
  quantization,
  installedModelId,
  testId,
  label,
  primary = false,
}: CatalogDownloadButtonProps) {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const text = label ?? t('download');
  const [starting, setStarting] = useState(false);
  const download = useAppStore((state) => downloadOf(state.downloads, entryId, quantization));

  if (installedModelId !== null) {
    return (
      <span className="library-state library-state--installed" data-testid="file-installed">
        <Icon name="check" size={14} />
        {t('installed')}
      </span>
    );
  }
  if (download) {
    const percent = percentOf(download);
    const progress =
      download.state === 'paused'
        ? t('statePaused')
        : download.state === 'verifying'
          ? t('stateVerifying')
          : download.state === 'queued'
            ? t('buttonQueued')
            : t('buttonPercent', { percent: percent ?? 0 });
    return (
      <button
        type="button"
        className="button button--small library-state"
        onClick={() => commands.openLibrary('downloads')}
        title={t('showInDownloads')}
        data-testid="file-downloading"
      >
        {download.state === 'downloading' && <span className="spinner" aria-hidden="true" />}
        {progress}
      </button>
    );
  }

  const start = async () => {
    setStarting(true);
    const error = await commands.startDownload({ entryId, quantization });
    setStarting(false);
    if (error === null) return;
    // Inside the library its notice line is visible; outside it (the first-run screen), a banner is.
    const state = useAppStore.getState();
    if (state.dialog?.kind === 'library') state.setLibraryNotice({ level: 'error', message: error });
    else state.showBanner('error', error);
  };

  return (
    <button
      type="button"
      className={`button button--small${primary ? ' button--primary' : ''}`}
      disabled={starting}
      onClick={() => void start()}
      data-testid={testId}
      data-quantization={quantization}
      aria-label={t('downloadLabel', { label: text, quantization })}
    >
      {starting ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
      {text}
    </button>
  );
}
