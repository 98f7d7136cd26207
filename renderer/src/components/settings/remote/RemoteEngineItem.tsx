import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { RemoteEngine } from '../../../../../contract/index.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { ConfirmDialog } from '../../common/ConfirmDialog.js';
import { Icon } from '../../common/Icon.js';

/** One remote engine: where it is, whether a key is stored, and the models it serves now. */
export function RemoteEngineItem({ engine }: { engine: RemoteEngine }) {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const models = useAppStore((state) => state.remoteModels[engine.id] ?? null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setConfirming(false);
    setError(await commands.removeRemoteEngine(engine.id));
  };

  return (
    <li className="remote-engine" data-testid="remote-engine" data-engine-id={engine.id}>
      <div className="remote-engine-head">
        <strong className="server-list-main">{engine.name}</strong>
        <span className="chip">{engine.hasKey ? t('keyStored') : t('noKey')}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('askModelsAgainOf', { name: engine.name })}
          title={t('askModelsAgain')}
          disabled={models?.status === 'asking'}
          onClick={() => void commands.refreshRemoteModels(engine.id)}
        >
          <Icon name="refresh" />
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={t('removeItem', { name: engine.name })}
          onClick={() => setConfirming(true)}
          data-testid="remote-engine-remove"
        >
          {t('remove')}
        </button>
      </div>
      <code className="remote-engine-url">{engine.baseUrl}</code>
      {models === null || models.status === 'asking' ? (
        <p className="hint" aria-busy="true">
          {t('askingModels')}
        </p>
      ) : models.status === 'failed' ? (
        <p className="field-error" role="alert" data-testid="remote-engine-error">
          {models.message}
        </p>
      ) : models.models.length === 0 ? (
        <p className="hint">{t('servesNoModels')}</p>
      ) : (
        <ul className="chip-list" aria-label={t('modelsOn', { name: engine.name })} data-testid="remote-engine-models">
          {models.models.map((model) => (
            <li key={model} className="chip">
              {model}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('removeEngineTitle', { name: engine.name })}
          confirmLabel={t('remove')}
          confirmTestId="remote-engine-remove-confirm"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void remove()}
        >
          <p>{t('removeEngineBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
