import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';

interface DocumentImportFormProps {
  /** Where imports go; null: no collection. */
  collectionId: string | null;
  /** Why the user is asked to type paths (a drop that gave none), if that is why. */
  hint: string | null;
  onDismissHint: () => void;
}

/**
 * Files by path, one per line; on the desktop also the system's file dialog and dropped files
 * (their paths come from the preload). The web host has only typed paths.
 */
export function DocumentImportForm({ collectionId, hint, onDismissHint }: DocumentImportFormProps) {
  const { t } = useTranslation('documents');
  const id = useId();
  const commands = useCommands();
  const importing = useAppStore((state) => state.importingDocuments);
  const canDrop = useAppStore((state) => state.appInfo?.canChooseFiles ?? false);
  const collectionName = useAppStore(
    (state) => state.collections.find((collection) => collection.id === collectionId)?.name ?? null,
  );
  const [text, setText] = useState('');
  const paths = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (paths.length === 0 || importing) return;
    onDismissHint();
    const outcomes = await commands.importDocuments(paths, collectionId);
    if (!outcomes) return;
    // Paths main refused stay, to be corrected; the rest are done with.
    const refused = outcomes.filter((outcome) => outcome.outcome === 'refused').map((outcome) => outcome.path);
    setText(refused.join('\n'));
  };

  return (
    <form className="document-import" onSubmit={(event) => void submit(event)} data-testid="document-import">
      <div className="field">
        <label htmlFor={`${id}-paths`}>
          {collectionName ? t('importFilesInto', { name: collectionName }) : t('importFiles')}
        </label>
        <textarea
          id={`${id}-paths`}
          className="textarea mono document-paths"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          // Example paths, not words: the same in every language.
          // eslint-disable-next-line i18next/no-literal-string
          placeholder={'/home/me/Documents/manual.pdf\n/home/me/Documents/notes.md'}
          value={text}
          aria-describedby={`${id}-help`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
          data-testid="document-paths"
        />
      </div>
      {hint && (
        <p className="import-hint" role="status" data-testid="document-drop-hint">
          {hint}
        </p>
      )}
      <div className="document-import-foot">
        <p id={`${id}-help`} className="field-hint">
          {canDrop ? t('dropHelp') : t('pathsHelp')}
        </p>
        {canDrop && (
          <button
            type="button"
            className="button"
            disabled={importing}
            onClick={() => void commands.chooseAndImportDocuments(collectionId)}
            data-testid="choose-documents"
          >
            <Icon name="fileText" />
            {t('chooseFiles')}
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={importing || paths.length === 0}
          data-testid="import-documents"
        >
          {importing ? <span className="spinner" aria-hidden="true" /> : <Icon name="fileImport" />}
          {importing
            ? t('checkingFiles')
            : paths.length > 1
              ? t('importCount', { count: paths.length })
              : t('importButton')}
        </button>
      </div>
    </form>
  );
}
