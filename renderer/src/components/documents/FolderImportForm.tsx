import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FolderImport } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';

/**
 * A whole folder: its documents imported (sub-folders too), and optionally watched, so files
 * added, changed or deleted there later follow. Watched folders are listed with a way to stop.
 */
export function FolderImportForm({ collectionId }: { collectionId: string | null }) {
  const id = useId();
  const commands = useCommands();
  const importing = useAppStore((state) => state.importingFolder);
  const result = useAppStore((state) => state.folderImport);
  const canChoose = useAppStore((state) => state.appInfo?.canChooseFiles ?? false);
  const [path, setPath] = useState('');
  const [watch, setWatch] = useState(true);

  useEffect(() => void commands.refreshFolders(), [commands]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const folder = path.trim();
    if (folder === '' || importing) return;
    if (await commands.importFolder(folder, collectionId, watch)) setPath('');
  };

  const choose = async () => {
    const dir = await commands.chooseFolderPath();
    if (dir !== null) setPath(dir);
  };

  return (
    <form
      className="document-import folder-import"
      onSubmit={(event) => void submit(event)}
      data-testid="folder-import"
    >
      <div className="field">
        <label htmlFor={`${id}-path`}>Import a folder</label>
        <input
          id={`${id}-path`}
          className="input mono"
          spellCheck={false}
          autoComplete="off"
          placeholder="/home/me/Documents/manuals"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          data-testid="folder-path"
        />
      </div>
      <div className="document-import-foot">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={watch}
            onChange={(event) => setWatch(event.target.checked)}
            data-testid="folder-watch"
          />
          Keep watching: index new and changed files, remove deleted ones
        </label>
        {canChoose && (
          <button type="button" className="button" disabled={importing} onClick={() => void choose()}>
            <Icon name="folder" />
            Choose folder…
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={importing || path.trim() === ''}
          data-testid="import-folder"
        >
          {importing ? <span className="spinner" aria-hidden="true" /> : <Icon name="folder" />}
          {importing ? 'Reading the folder…' : 'Import folder'}
        </button>
      </div>
      {result && <FolderImportResult result={result} />}
      <WatchedFolderList />
    </form>
  );
}

function FolderImportResult({ result }: { result: FolderImport }) {
  const { unsupported, hidden, links } = result.skipped;
  const skipped = [
    unsupported > 0 && `${unsupported} of other types`,
    hidden > 0 && `${hidden} hidden`,
    links > 0 && `${links} links`,
  ].filter((part) => part !== false);
  return (
    <div className="folder-import-result" role="status" data-testid="folder-import-result">
      <p>
        {result.queued === 0 && result.unchanged === 0
          ? 'No documents in that folder (PDF, Word, Markdown, HTML or text).'
          : `${count(result.queued, 'document')} added${result.unchanged > 0 ? `, ${result.unchanged} already imported` : ''}.`}
        {skipped.length > 0 && ` Passed over: ${skipped.join(', ')}.`}
        {result.watched && ' Watching it for changes.'}
      </p>
      {result.refusedCount > 0 && (
        <ul className="import-outcome-list">
          {result.refused.map((refused) => (
            <li key={refused.path} className="import-outcome import-outcome--refused" data-testid="folder-refused">
              <Icon name="alert" size={14} />
              <code className="import-outcome-path break">{refused.path}</code>
              <span className="import-outcome-text">{refused.error}</span>
            </li>
          ))}
          {result.refusedCount > result.refused.length && (
            <li className="import-outcome-text">and {result.refusedCount - result.refused.length} more not imported</li>
          )}
        </ul>
      )}
    </div>
  );
}

function WatchedFolderList() {
  const commands = useCommands();
  const folders = useAppStore((state) => state.watchedFolders);
  const collections = useAppStore((state) => state.collections);
  if (folders === null) return null;
  if (folders.length === 0) {
    return (
      <p className="field-hint" data-testid="watched-folders-empty">
        No folder is watched. Watch one to keep its documents in step with the disk.
      </p>
    );
  }
  return (
    <section aria-label="Watched folders" data-testid="watched-folders">
      <ul className="watched-folder-list">
        {folders.map((folder) => (
          <li key={folder.id} className="watched-folder" data-testid="watched-folder">
            <Icon name="folder" size={14} />
            <code className="break">{folder.path}</code>
            {folder.collectionId && (
              <span className="field-hint">
                into “{collections.find((collection) => collection.id === folder.collectionId)?.name ?? '…'}”
              </span>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => void commands.unwatchFolder(folder.id)}
              aria-label={`Stop watching ${folder.path}`}
              data-testid="unwatch-folder"
            >
              Stop watching
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
