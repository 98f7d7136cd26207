import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { AllowedOriginSchema } from '../../../../../contract/index.js';
import { onEnter } from '../onEnter.js';
import type { ConfigureServer } from './serverChange.js';

const ORIGINS_MAX = 20;
/** A URL, the same in every language. */
const ORIGIN_EXAMPLE = 'http://localhost:3000';

interface AllowedOriginsFieldProps {
  origins: readonly string[];
  busy: boolean;
  configure: ConfigureServer;
}

/** Web pages that may call the API from a browser (CORS); programs outside a browser need none. */
export function AllowedOriginsField({ origins, busy, configure }: AllowedOriginsFieldProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const add = () => {
    const parsed = AllowedOriginSchema.safeParse(draft.trim());
    if (!parsed.success) {
      setInvalid(t('originInvalid'));
      return;
    }
    setInvalid(null);
    if (origins.includes(parsed.data)) {
      setDraft('');
      return;
    }
    void configure({ allowedOrigins: [...origins, parsed.data] }).then((done) => done && setDraft(''));
  };

  return (
    <div className="field" data-testid="server-origins">
      <label htmlFor={`${id}-origin`}>{t('webPagesAllowed')}</label>
      {origins.length > 0 ? (
        <ul className="server-list" aria-label={t('allowedWebPages')}>
          {origins.map((origin) => (
            <li key={origin} className="server-list-item">
              <code className="server-list-main">{origin}</code>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                aria-label={t('removeItem', { name: origin })}
                onClick={() => void configure({ allowedOrigins: origins.filter((known) => known !== origin) })}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('noOrigins')}</p>
      )}
      <div className="server-add-row">
        <input
          id={`${id}-origin`}
          className="input"
          type="url"
          placeholder={ORIGIN_EXAMPLE}
          value={draft}
          maxLength={200}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-origin-hint`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onEnter(add)}
          data-testid="server-origin-input"
        />
        <button
          type="button"
          className="button"
          disabled={busy || draft.trim() === '' || origins.length >= ORIGINS_MAX}
          onClick={add}
        >
          {t('allow')}
        </button>
      </div>
      <span id={`${id}-origin-hint`} className={invalid ? 'field-error' : 'field-hint'}>
        {invalid ?? t('originsLimit', { count: ORIGINS_MAX })}
      </span>
    </div>
  );
}
