import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ModelUriSchema } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';

/** For power users: any http(s) link to a .gguf file, or a Hugging Face `hf:` URI. */
export function DownloadUriForm() {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const id = useId();
  const [uri, setUri] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = uri.trim();
    // Checked here with the contract's own rule, so a typo is told at once, beside the field.
    const parsed = ModelUriSchema.safeParse(trimmed);
    if (!parsed.success) {
      // The schema's rule, in the UI's language.
      setError(t('uriInvalid'));
      return;
    }
    setStarting(true);
    const failure = await commands.startDownload({ uri: parsed.data });
    setStarting(false);
    setError(failure);
    if (failure === null) setUri('');
  };

  return (
    <form className="uri-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`${id}-uri`} className="field-label">
        <Trans t={t} i18nKey="uriLabel" components={{ code: <code /> }} />
      </label>
      <div className="uri-form-row">
        <input
          id={`${id}-uri`}
          className="input mono"
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder={t('uriPlaceholder')}
          value={uri}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setUri(event.target.value);
            setError(null);
          }}
          data-testid="download-uri"
        />
        <button
          type="submit"
          className="button"
          disabled={starting || uri.trim() === ''}
          data-testid="download-uri-start"
        >
          {starting && <span className="spinner" aria-hidden="true" />}
          {t('download')}
        </button>
      </div>
      <span
        id={`${id}-hint`}
        className={error ? 'field-error' : 'field-hint'}
        data-testid={error ? 'download-uri-error' : undefined}
      >
        {error ?? t('uriHint')}
      </span>
    </form>
  );
}
