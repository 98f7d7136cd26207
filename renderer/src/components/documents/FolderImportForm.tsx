import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderImport } from '../../../../contract/index.js';
import { localizedMessage } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';

/**
 * A whole folder: its documents imported (sub-folders too), and optionally watched, so files
 * added, changed or deleted there later follow. Watched folders are listed with a way to stop.
 */
export function FolderImportForm({ collectionId }: { collectionId: string | null }) {
  const { t } = useTranslation('documents');
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
        <label htmlFor={`${id}-path`}>{t('importFolder')}</label>
        <input
          id={`${id}-path`}
          className="input mono"
          spellCheck={false}
          autoComplete="off"
          // An example path, not words: the same in every language.
          // eslint-disable-next-line i18next/no-literal-string
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
          {t('keepWatching')}
        </label>
        {canChoose && (
          <button type="button" className="button" disabled={importing} onClick={() => void choose()}>
            <Icon name="folder" />
            {t('chooseFolder')}
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={importing || path.trim() === ''}
          data-testid="import-folder"
        >
          {importing ? <span className="spinner" aria-hidden="true" /> : <Icon name="folder" />}
          {importing ? t('readingFolder') : t('importFolderButton')}
        </button>
      </div>
      {result && <FolderImportResult result={result} />}
      <WatchedFolderList />
    </form>
  );
}

function FolderImportResult({ result }: { result: FolderImport }) {
  const { t } = useTranslation('documents');
  const { unsupported, hidden, links } = result.skipped;
  const skipped = [
    unsupported > 0 && t('skippedUnsupported', { count: unsupported }),
    hidden > 0 && t('skippedHidden', { count: hidden }),
    links > 0 && t('skippedLinks', { count: links }),
  ].filter((part) => part !== false);
  const summary = [
    result.queued === 0 && result.unchanged === 0
      ? t('folderEmpty')
      : result.unchanged > 0
        ? t('folderAddedUnchanged', { count: result.queued, unchanged: result.unchanged })
        : t('folderAdded', { count: result.queued }),
    skipped.length > 0 && t('passedOver', { list: skipped.join(t('listSeparator')) }),
    result.watched && t('watchingForChanges'),
  ].filter((sentence) => sentence !== false && sentence !== null);
  return (
    <div className="folder-import-result" role="status" data-testid="folder-import-result">
      <p>{summary.join(t('sentenceSeparator'))}</p>
      {result.refusedCount > 0 && (
        <ul className="import-outcome-list">
          {result.refused.map((refused) => (
            <li key={refused.path} className="import-outcome import-outcome--refused" data-testid="folder-refused">
              <Icon name="alert" size={14} />
              <code className="import-outcome-path break">{refused.path}</code>
              <span className="import-outcome-text">
                {localizedMessage({ message: refused.error, text: refused.errorText })}
              </span>
            </li>
          ))}
          {result.refusedCount > result.refused.length && (
            <li className="import-outcome-text">
              {t('moreNotImported', { count: result.refusedCount - result.refused.length })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function WatchedFolderList() {
  const { t } = useTranslation('documents');
  const commands = useCommands();
  const folders = useAppStore((state) => state.watchedFolders);
  const collections = useAppStore((state) => state.collections);
  if (folders === null) return null;
  if (folders.length === 0) {
    return (
      <p className="field-hint" data-testid="watched-folders-empty">
        {t('noFolderWatched')}
      </p>
    );
  }
  return (
    <section aria-label={t('watchedFolders')} data-testid="watched-folders">
      <ul className="watched-folder-list">
        {folders.map((folder) => (
          <li key={folder.id} className="watched-folder" data-testid="watched-folder">
            <Icon name="folder" size={14} />
            <code className="break">{folder.path}</code>
            {folder.collectionId && (
              <span className="field-hint">
                {t('intoCollection', {
                  name: collections.find((collection) => collection.id === folder.collectionId)?.name ?? '…',
                })}
              </span>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => void commands.unwatchFolder(folder.id)}
              aria-label={t('stopWatchingLabel', { path: folder.path })}
              data-testid="unwatch-folder"
            >
              {t('stopWatching')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
