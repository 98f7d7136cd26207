import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectModelsFolder } from '../../store/selectors.js';
import { PathField } from '../common/PathField.js';

/** Where downloads and copies go, and changing it: a folder dialog on the desktop, a typed path on the web. */
export function ModelsFolderField() {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const id = useId();
  const folder = useAppStore(selectModelsFolder);
  const canChooseFiles = useAppStore((state) => state.appInfo?.canChooseFiles ?? false);
  const canOpenFolders = useAppStore((state) => state.appInfo?.canOpenFolders ?? false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (dir: string) => {
    setSaving(true);
    const failure = await commands.setModelsFolder(dir);
    setSaving(false);
    setError(failure);
    if (failure === null) setEditing(false);
  };

  const change = async () => {
    if (!canChooseFiles) {
      setDraft(folder ?? '');
      setError(null);
      setEditing(true);
      return;
    }
    const dir = await commands.chooseModelsFolder();
    if (dir !== null) await save(dir);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() !== '') void save(draft.trim());
  };

  return (
    <div className="models-folder">
      {editing ? (
        <form className="models-folder-form" onSubmit={submit}>
          <label htmlFor={`${id}-dir`} className="field-label">
            {t('modelsFolder')}
          </label>
          <div className="uri-form-row">
            <input
              id={`${id}-dir`}
              className="input mono"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={draft}
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              onChange={(event) => setDraft(event.target.value)}
              data-testid="models-folder-input"
            />
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={saving || draft.trim() === ''}
              data-testid="models-folder-save"
            >
              {t('save')}
            </button>
          </div>
          <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
            {error ?? t('modelsFolderHint')}
          </span>
        </form>
      ) : (
        <div className="models-folder-row">
          {folder && (
            <PathField
              label={t('modelsFolder')}
              path={folder}
              onOpen={canOpenFolders ? () => void commands.openModelsFolder() : undefined}
            />
          )}
          <button
            type="button"
            className="button button--small models-folder-change"
            disabled={saving}
            onClick={() => void change()}
            data-testid="models-folder-change"
          >
            {t('modelsFolderChange')}
          </button>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
