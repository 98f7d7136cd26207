import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { onEnter } from '../onEnter.js';
import { AllowedOriginsField } from './AllowedOriginsField.js';
import { ApiKeysPanel } from './ApiKeysPanel.js';
import { LanOption } from './LanOption.js';
import { ServerActivity } from './ServerActivity.js';
import { ServerStatusLine } from './ServerStatusLine.js';

const PORT_MIN = 1024;
const PORT_MAX = 65_535;

function parsePort(text: string): number | null {
  const port = Number(text);
  return Number.isInteger(port) && port >= PORT_MIN && port <= PORT_MAX ? port : null;
}

/**
 * The local OpenAI-compatible API: on/off, where it listens, its keys and what it served. Every
 * control here acts at once (not on Save), and the status follows main's `server.changed` events.
 */
export function LocalServerSection() {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const id = useId();
  const status = useAppStore((state) => state.apiServer);
  const [port, setPort] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void commands.refreshServer();
  }, [commands]);

  if (!status) {
    return (
      <section className="settings-section" aria-labelledby={`${id}-title`} aria-busy="true">
        <h3 id={`${id}-title`}>{t('localServer')}</h3>
        <p className="hint">{t('readingServer')}</p>
      </section>
    );
  }

  const { settings } = status;
  const portText = port ?? String(settings.port);
  const parsedPort = parsePort(portText);
  const portChanged = parsedPort !== null && parsedPort !== settings.port;

  const configure = async (change: Parameters<typeof commands.configureServer>[0]) => {
    setBusy(true);
    const failure = await commands.configureServer(change);
    setBusy(false);
    setError(failure);
    if (failure === null) setPort(null);
    return failure === null;
  };

  const applyPort = () => {
    if (parsedPort === null) setError(t('portInvalid', { min: PORT_MIN, max: PORT_MAX }));
    else if (portChanged) void configure({ port: parsedPort });
  };

  return (
    <section className="settings-section" data-testid="server-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('localServer')}</h3>
      <p className="hint">{t('serverIntro')}</p>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.enabled}
            disabled={busy}
            onChange={(event) =>
              // Turning it on takes the port typed in the field, so it starts where the user expects.
              void configure(
                event.target.checked && portChanged
                  ? { enabled: true, port: parsedPort }
                  : { enabled: event.target.checked },
              )
            }
            aria-describedby={`${id}-status`}
            data-testid="server-enabled"
          />
          <span>{t('serveLocalApi')}</span>
        </label>
      </div>
      <div className="server-port-row">
        <div className="field">
          <label htmlFor={`${id}-port`}>{t('port')}</label>
          <input
            id={`${id}-port`}
            className="input server-port"
            type="number"
            min={PORT_MIN}
            max={PORT_MAX}
            step={1}
            value={portText}
            aria-invalid={parsedPort === null ? true : undefined}
            aria-describedby={`${id}-port-hint`}
            onChange={(event) => setPort(event.target.value)}
            onKeyDown={onEnter(applyPort)}
            data-testid="server-port"
          />
        </div>
        <button
          type="button"
          className="button"
          disabled={busy || !portChanged}
          onClick={applyPort}
          data-testid="server-port-apply"
        >
          {t('usePort')}
        </button>
      </div>
      <span id={`${id}-port-hint`} className={parsedPort === null ? 'field-error' : 'field-hint'}>
        {parsedPort === null
          ? t('portInvalid', { min: PORT_MIN, max: PORT_MAX })
          : settings.host === '0.0.0.0'
            ? t('portLanHint', { port: portText })
            : t('portLocalHint', { url: `http://127.0.0.1:${portText}/v1` })}
      </span>
      {error && (
        <p className="field-error" role="alert" data-testid="server-error">
          {error}
        </p>
      )}
      <ServerStatusLine id={`${id}-status`} status={status} />
      <LanOption status={status} busy={busy} configure={configure} />
      <AllowedOriginsField origins={settings.allowedOrigins} busy={busy} configure={configure} />
      <ApiKeysPanel keys={status.keys} />
      <ServerActivity status={status} />
    </section>
  );
}
