import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';
import { DownloadRow } from './DownloadRow.js';
import { DownloadUriForm } from './DownloadUriForm.js';

/** Every download main knows of, newest first, and a field for a link of the user's own. */
export function DownloadsTab({ onShowModel }: { onShowModel: (modelId: string) => void }) {
  const { t } = useTranslation('library');
  const downloads = useAppStore((state) => state.downloads);
  return (
    <div className="downloads">
      <DownloadUriForm />
      {downloads.length === 0 ? (
        <div className="library-empty" data-testid="downloads-empty">
          <p>{t('noDownloads')}</p>
          <p className="hint">{t('noDownloadsHint')}</p>
        </div>
      ) : (
        <ul className="download-list" aria-label={t('downloadsLabel')}>
          {downloads.map((download) => (
            <DownloadRow key={download.id} download={download} onShowModel={onShowModel} />
          ))}
        </ul>
      )}
    </div>
  );
}
