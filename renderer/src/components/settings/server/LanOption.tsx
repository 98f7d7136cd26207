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
        <span>Serve on the local network</span>
      </label>
      <span id={`${id}-hint`} className="field-hint checkbox-hint">
        {onLan
          ? 'Other devices on your network can use your models with one of the keys below.'
          : hasKey
            ? 'Off: only programs on this PC can reach the API.'
            : 'Needs an API key: create one below first, so that only devices you gave it to can connect.'}
      </span>
      {confirming && !onLan && (
        <div className="inline-confirm" role="group" aria-labelledby={`${id}-confirm`} data-testid="server-lan-confirm">
          <p id={`${id}-confirm`}>
            Other devices on your network will be able to use your models through this API, with a key. What they send
            is answered on this PC.
          </p>
          <div className="inline-confirm-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
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
              Serve on the network
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
