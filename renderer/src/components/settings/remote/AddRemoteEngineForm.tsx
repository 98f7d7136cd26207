import { useId, useState } from 'react';
import { REMOTE_PRESETS, RemotePresetSchema, type RemotePreset } from '../../../../../contract/index.js';
import { hostOf } from '../../../format/describeRemoteModel.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { onEnter } from '../onEnter.js';

const PRESETS = RemotePresetSchema.options;

/**
 * Adds a remote engine. Main asks the server for its models first and keeps it only if it answered,
 * so a failure leaves the fields as typed, with the reason beside them.
 */
export function AddRemoteEngineForm() {
  const commands = useCommands();
  const id = useId();
  const [preset, setPreset] = useState<RemotePreset>('llama-server');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState(REMOTE_PRESETS['llama-server'].baseUrl);
  const [apiKey, setApiKey] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canAdd = !adding && name.trim() !== '' && baseUrl.trim() !== '';

  const add = async () => {
    if (!canAdd) return;
    setAdding(true);
    setError(null);
    const failure = await commands.addRemoteEngine({
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      preset,
      apiKey: apiKey.trim() === '' ? null : apiKey.trim(),
    });
    setAdding(false);
    setError(failure);
    if (failure === null) {
      setName('');
      setApiKey('');
    }
  };
  const submitOnEnter = onEnter(() => void add());

  return (
    <div className="server-subsection remote-add" role="group" aria-labelledby={`${id}-title`} aria-busy={adding}>
      <h4 id={`${id}-title`}>Add a remote engine</h4>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-preset`}>Server</label>
          <select
            id={`${id}-preset`}
            className="select"
            value={preset}
            disabled={adding}
            aria-describedby={`${id}-preset-note`}
            onChange={(event) => {
              const next = event.target.value as RemotePreset;
              setPreset(next);
              setBaseUrl(REMOTE_PRESETS[next].baseUrl);
            }}
            data-testid="remote-preset"
          >
            {PRESETS.map((option) => (
              <option key={option} value={option}>
                {REMOTE_PRESETS[option].label}
              </option>
            ))}
          </select>
          <span id={`${id}-preset-note`} className="field-hint">
            {REMOTE_PRESETS[preset].note}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="input"
            placeholder="Workstation"
            maxLength={100}
            value={name}
            disabled={adding}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={submitOnEnter}
            data-testid="remote-name"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>Address</label>
          <input
            id={`${id}-url`}
            className="input"
            type="url"
            maxLength={500}
            value={baseUrl}
            disabled={adding}
            aria-describedby={`${id}-url-hint`}
            onChange={(event) => setBaseUrl(event.target.value)}
            onKeyDown={submitOnEnter}
            data-testid="remote-url"
          />
          <span id={`${id}-url-hint`} className="field-hint">
            Replace 127.0.0.1 with the other machine’s address.
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>API key (optional)</label>
          <input
            id={`${id}-key`}
            className="input"
            type="password"
            autoComplete="off"
            maxLength={500}
            value={apiKey}
            disabled={adding}
            aria-describedby={`${id}-key-hint`}
            onChange={(event) => setApiKey(event.target.value)}
            onKeyDown={submitOnEnter}
            data-testid="remote-key"
          />
          <span id={`${id}-key-hint`} className="field-hint">
            Stored on this PC; sent only to this address.
          </span>
        </div>
      </div>
      <div className="remote-add-actions">
        <button type="button" className="button" disabled={!canAdd} onClick={() => void add()} data-testid="remote-add">
          {adding && <span className="spinner" aria-hidden="true" />}
          {adding ? `Contacting ${hostOf(baseUrl.trim())}…` : 'Add engine'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="remote-add-error">
          {error}
        </p>
      )}
    </div>
  );
}
