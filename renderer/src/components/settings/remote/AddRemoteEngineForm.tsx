import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { REMOTE_PRESETS, RemotePresetSchema, type RemotePreset } from '../../../../../contract/index.js';
import { hostOf } from '../../../format/describeRemoteModel.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { onEnter } from '../onEnter.js';

const PRESETS = RemotePresetSchema.options;

/** The presets' names and notes that are words (product names and commands stay as the contract has them). */
const PRESET_LABELS = { custom: 'presetCustom' } as const satisfies Partial<Record<RemotePreset, string>>;
const PRESET_NOTES = {
  ollama: 'presetNoteOllama',
  vllm: 'presetNoteVllm',
  lmstudio: 'presetNoteLmstudio',
  lemonade: 'presetNoteLemonade',
  custom: 'presetNoteCustom',
} as const satisfies Partial<Record<RemotePreset, string>>;

/**
 * Adds a remote engine. Main asks the server for its models first and keeps it only if it answered,
 * so a failure leaves the fields as typed, with the reason beside them.
 */
export function AddRemoteEngineForm() {
  const { t } = useTranslation('settings');
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
      <h4 id={`${id}-title`}>{t('addRemoteEngine')}</h4>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('remoteServer')}</label>
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
                {option in PRESET_LABELS
                  ? t(PRESET_LABELS[option as keyof typeof PRESET_LABELS])
                  : REMOTE_PRESETS[option].label}
              </option>
            ))}
          </select>
          <span id={`${id}-preset-note`} className="field-hint">
            {preset in PRESET_NOTES
              ? t(PRESET_NOTES[preset as keyof typeof PRESET_NOTES])
              : REMOTE_PRESETS[preset].note}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('remoteName')}</label>
          <input
            id={`${id}-name`}
            className="input"
            placeholder={t('remoteNamePlaceholder')}
            maxLength={100}
            value={name}
            disabled={adding}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={submitOnEnter}
            data-testid="remote-name"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('remoteAddress')}</label>
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
            {t('remoteAddressHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('remoteKey')}</label>
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
            {t('remoteKeyHint')}
          </span>
        </div>
      </div>
      <div className="remote-add-actions">
        <button type="button" className="button" disabled={!canAdd} onClick={() => void add()} data-testid="remote-add">
          {adding && <span className="spinner" aria-hidden="true" />}
          {adding ? t('contacting', { host: hostOf(baseUrl.trim()) }) : t('addEngine')}
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
