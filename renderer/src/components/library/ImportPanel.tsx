import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';
import type { ImportDraft } from './importDraft.js';

interface ImportPanelProps {
  draft: ImportDraft;
  onChange: (draft: ImportDraft) => void;
  onImport: (path: string, mode: ImportDraft['mode']) => void;
}

/**
 * A GGUF file from elsewhere on disk: copied into the models folder, or used where it is. The
 * desktop fills the path from its file dialog; the web host has no file dialog that gives a
 * path, so the path is typed.
 */
export function ImportPanel({ draft, onChange, onImport }: ImportPanelProps) {
  const { t } = useTranslation('library');
  const id = useId();
  const importing = useAppStore((state) => state.importing);
  const error = useAppStore((state) => state.importError);
  const pathInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (draft.path === '') pathInput.current?.focus();
    // Only when the panel opens: focusing on every keystroke would fight the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.path.trim() !== '') onImport(draft.path.trim(), draft.mode);
  };

  return (
    <form className="import-panel" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="import-panel">
      <h3 id={`${id}-title`}>{t('importTitle')}</h3>
      {draft.hint && (
        <p className="import-hint" role="status" data-testid="import-hint">
          {draft.hint}
        </p>
      )}
      <div className="import-fields">
        <div className="field import-path">
          <label htmlFor={`${id}-path`}>{t('importPath')}</label>
          <input
            ref={pathInput}
            id={`${id}-path`}
            className="input mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={t('importPathPlaceholder')}
            value={draft.path}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-error`}
            onChange={(event) => onChange({ ...draft, path: event.target.value })}
            data-testid="import-path"
          />
        </div>
        <div className="field import-mode">
          <label htmlFor={`${id}-mode`}>{t('importHow')}</label>
          <select
            id={`${id}-mode`}
            className="select"
            value={draft.mode}
            onChange={(event) => onChange({ ...draft, mode: event.target.value === 'link' ? 'link' : 'copy' })}
            data-testid="import-mode"
          >
            <option value="copy">{t('importCopy')}</option>
            <option value="link">{t('importLink')}</option>
          </select>
        </div>
      </div>
      <p className="field-hint">{draft.mode === 'copy' ? t('importCopyHint') : t('importLinkHint')}</p>
      {error && (
        <p id={`${id}-error`} className="import-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <div className="import-actions">
        <button type="button" className="button button--small" onClick={() => onChange({ ...draft, open: false })}>
          {t('cancel')}
        </button>
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={importing || draft.path.trim() === ''}
          data-testid="import-confirm"
        >
          {importing && <span className="spinner" aria-hidden="true" />}
          {importing ? t('importChecking') : t('importConfirm')}
        </button>
      </div>
    </form>
  );
}
