import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { isImporting } from '../documents/documentProgress.js';

/** Opens the documents; while files are imported it says how many are left. */
export function DocumentsButton() {
  const commands = useCommands();
  const importing = useAppStore((state) => state.documents.filter(isImporting).length);

  return (
    <>
      {importing > 0 && (
        <button
          type="button"
          className="downloads-indicator"
          onClick={() => commands.openDocuments()}
          title="Show documents"
          aria-label={`${importing === 1 ? '1 document' : `${importing} documents`} being imported. Show documents`}
          data-testid="documents-indicator"
        >
          <span className="spinner" aria-hidden="true" />
          <span>{importing === 1 ? 'Indexing' : `Indexing ${importing}`}</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Documents"
        title="Documents: import, index and manage (Ctrl+D)"
        aria-keyshortcuts="Control+D Meta+D"
        onClick={() => commands.openDocuments()}
        data-testid="open-documents"
      >
        <Icon name="fileText" />
      </button>
    </>
  );
}
