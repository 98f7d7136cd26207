import { useShallow } from 'zustand/react/shallow';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { isActive, percentOf } from '../library/activeDownloads.js';

/** Opens the model library; while downloads run it shows their combined progress. */
export function LibraryButton() {
  const commands = useCommands();
  const active = useAppStore(useShallow((state) => state.downloads.filter(isActive)));

  const received = active.reduce((sum, download) => sum + download.receivedBytes, 0);
  const total = active.reduce((sum, download) => sum + download.totalBytes, 0);
  const percent =
    active.length === 1 && active[0] ? percentOf(active[0]) : total > 0 ? Math.floor((received / total) * 100) : null;

  return (
    <>
      {active.length > 0 && (
        <button
          type="button"
          className="downloads-indicator"
          onClick={() => commands.openLibrary('downloads')}
          title="Show downloads"
          aria-label={`${active.length === 1 ? '1 download' : `${active.length} downloads`} in progress${percent === null ? '' : `, ${percent}%`}. Show downloads`}
          data-testid="downloads-indicator"
        >
          <Icon name="download" size={14} />
          <span>{percent === null ? '…' : `${percent}%`}</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Models"
        title="Models: installed, catalog and downloads (Ctrl+M)"
        aria-keyshortcuts="Control+M Meta+M"
        onClick={() => commands.openLibrary()}
        data-testid="open-library"
      >
        <Icon name="library" />
      </button>
    </>
  );
}
