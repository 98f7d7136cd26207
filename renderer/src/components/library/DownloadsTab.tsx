import { useAppStore } from '../../store/appStore.js';
import { DownloadRow } from './DownloadRow.js';
import { DownloadUriForm } from './DownloadUriForm.js';

/** Every download main knows of, newest first, and a field for a link of the user's own. */
export function DownloadsTab({ onShowModel }: { onShowModel: (modelId: string) => void }) {
  const downloads = useAppStore((state) => state.downloads);
  return (
    <div className="downloads">
      <DownloadUriForm />
      {downloads.length === 0 ? (
        <div className="library-empty" data-testid="downloads-empty">
          <p>No downloads yet.</p>
          <p className="hint">
            Pick a model in the Catalog, or paste a link above. Downloads continue in the background.
          </p>
        </div>
      ) : (
        <ul className="download-list" aria-label="Downloads">
          {downloads.map((download) => (
            <DownloadRow key={download.id} download={download} onShowModel={onShowModel} />
          ))}
        </ul>
      )}
    </div>
  );
}
