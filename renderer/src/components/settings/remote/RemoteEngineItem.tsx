import { useState } from 'react';
import type { RemoteEngine } from '../../../../../contract/index.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { ConfirmDialog } from '../../common/ConfirmDialog.js';
import { Icon } from '../../common/Icon.js';

/** One remote engine: where it is, whether a key is stored, and the models it serves now. */
export function RemoteEngineItem({ engine }: { engine: RemoteEngine }) {
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
        <span className="chip">{engine.hasKey ? 'key stored' : 'no key'}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={`Ask ${engine.name} for its models again`}
          title="Ask for its models again"
          disabled={models?.status === 'asking'}
          onClick={() => void commands.refreshRemoteModels(engine.id)}
        >
          <Icon name="refresh" />
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Remove ${engine.name}`}
          onClick={() => setConfirming(true)}
          data-testid="remote-engine-remove"
        >
          Remove
        </button>
      </div>
      <code className="remote-engine-url">{engine.baseUrl}</code>
      {models === null || models.status === 'asking' ? (
        <p className="hint" aria-busy="true">
          Asking for its models…
        </p>
      ) : models.status === 'failed' ? (
        <p className="field-error" role="alert" data-testid="remote-engine-error">
          {models.message}
        </p>
      ) : models.models.length === 0 ? (
        <p className="hint">It serves no models now.</p>
      ) : (
        <ul className="chip-list" aria-label={`Models on ${engine.name}`} data-testid="remote-engine-models">
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
          title={`Remove ${engine.name}?`}
          confirmLabel="Remove"
          confirmTestId="remote-engine-remove-confirm"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void remove()}
        >
          <p>
            Hearth forgets its address and key. Conversations on its models stay, but cannot be answered until you
            choose another model for them.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
