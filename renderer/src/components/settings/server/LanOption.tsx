import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import type { ApiServerStatus } from '../../../../../contract/index.js';
import type { ConfigureServer } from './serverChange.js';

interface LanOptionProps {
  status: ApiServerStatus;
  busy: boolean;
  configure: ConfigureServer;
}

/**
 * Serving on the local network is a step beyond this PC: it is asked for in two steps, and only
 * once a key exists, because main refuses a network server that anyone could use.
 */
export function LanOption({ status, busy, configure }: LanOptionProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const onLan = status.settings.host === '0.0.0.0';
  const hasKey = status.keys.length > 0;

  return (
    <div className="field" data-testid="server-lan">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={onLan || confirming}
          disabled={busy || (!onLan && !hasKey)}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            if (event.target.checked) setConfirming(true);
            else if (confirming) setConfirming(false);
            else void configure({ host: '127.0.0.1' });
          }}
          data-testid="server-lan-toggle"
        />
        <span>{t('serveOnLan')}</span>
      </label>
      <span id={`${id}-hint`} className="field-hint checkbox-hint">
        {onLan ? t('lanOnHint') : hasKey ? t('lanOffHint') : t('lanNeedsKey')}
      </span>
      {confirming && !onLan && (
        <div className="inline-confirm" role="group" aria-labelledby={`${id}-confirm`} data-testid="server-lan-confirm">
          <p id={`${id}-confirm`}>{t('lanConfirm')}</p>
          <div className="inline-confirm-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('cancel', { ns: 'common' })}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() =>
                void configure({ host: '0.0.0.0', confirmLan: true }).then((done) => done && setConfirming(false))
              }
              data-testid="server-lan-confirm-button"
            >
              {t('serveOnNetwork')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
