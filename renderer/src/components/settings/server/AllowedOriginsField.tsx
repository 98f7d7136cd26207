import { useId, useState } from 'react';
import { AllowedOriginSchema } from '../../../../../contract/index.js';
import { onEnter } from '../onEnter.js';
import type { ConfigureServer } from './serverChange.js';

const ORIGINS_MAX = 20;

interface AllowedOriginsFieldProps {
  origins: readonly string[];
  busy: boolean;
  configure: ConfigureServer;
}

/** Web pages that may call the API from a browser (CORS); programs outside a browser need none. */
export function AllowedOriginsField({ origins, busy, configure }: AllowedOriginsFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const add = () => {
    const parsed = AllowedOriginSchema.safeParse(draft.trim());
    if (!parsed.success) {
      setInvalid('An origin is http(s)://host[:port], with no path, e.g. http://localhost:3000.');
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
      <label htmlFor={`${id}-origin`}>Web pages allowed to call the API</label>
      {origins.length > 0 ? (
        <ul className="server-list" aria-label="Allowed web pages">
          {origins.map((origin) => (
            <li key={origin} className="server-list-item">
              <code className="server-list-main">{origin}</code>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                aria-label={`Remove ${origin}`}
                onClick={() => void configure({ allowedOrigins: origins.filter((known) => known !== origin) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">None: browser pages cannot call the API; other programs can.</p>
      )}
      <div className="server-add-row">
        <input
          id={`${id}-origin`}
          className="input"
          type="url"
          placeholder="http://localhost:3000"
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
          Allow
        </button>
      </div>
      <span id={`${id}-origin-hint`} className={invalid ? 'field-error' : 'field-hint'}>
        {invalid ?? `Up to ${ORIGINS_MAX} origins.`}
      </span>
    </div>
  );
}
