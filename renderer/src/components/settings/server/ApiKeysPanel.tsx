import { useId, useState } from 'react';
import type { ApiKeySummary } from '../../../../../contract/index.js';
import { formatUpdatedAt } from '../../../format/formatUpdatedAt.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { ConfirmDialog } from '../../common/ConfirmDialog.js';
import { onEnter } from '../onEnter.js';
import { NewKeyReveal } from './NewKeyReveal.js';

/** Keys for the API: made with a name, shown once, then listed by their first characters only. */
export function ApiKeysPanel({ keys }: { keys: readonly ApiKeySummary[] }) {
  const commands = useCommands();
  const id = useId();
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newKey, setNewKey] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);

  const create = async () => {
    const trimmed = name.trim();
    if (trimmed === '' || creating) return;
    setCreating(true);
    const result = await commands.createApiKey(trimmed);
    setCreating(false);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError(null);
    setName('');
    setNewKey({ name: trimmed, key: result.key });
  };

  const revoke = async (key: ApiKeySummary) => {
    setRevoking(null);
    setError(await commands.revokeApiKey(key.id));
  };

  return (
    <div className="server-subsection" data-testid="api-keys">
      <h4 id={`${id}-title`}>API keys</h4>
      {newKey && <NewKeyReveal name={newKey.name} apiKey={newKey.key} onDone={() => setNewKey(null)} />}
      {keys.length === 0 ? (
        <p className="hint" data-testid="api-keys-empty">
          No API keys yet. Without one, only programs on this PC can use the API, and any of them may.
        </p>
      ) : (
        <ul className="server-list" aria-labelledby={`${id}-title`}>
          {keys.map((key) => (
            <li key={key.id} className="server-list-item" data-testid="api-key">
              <span className="server-list-main">
                <strong>{key.name}</strong> <code data-testid="api-key-prefix">{key.prefix}…</code>
              </span>
              <span className="server-list-meta">
                Created {formatUpdatedAt(key.createdAt)} · last used{' '}
                {key.lastUsedAt === null ? 'never' : formatUpdatedAt(key.lastUsedAt)}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={`Revoke the key “${key.name}”`}
                onClick={() => setRevoking(key)}
                data-testid="api-key-revoke"
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="server-add-row">
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          Name of the new key
        </label>
        <input
          id={`${id}-name`}
          className="input"
          placeholder="Who uses it, e.g. Laptop"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={onEnter(() => void create())}
          data-testid="api-key-name"
        />
        <button
          type="button"
          className="button"
          disabled={creating || name.trim() === ''}
          onClick={() => void create()}
          data-testid="api-key-create"
        >
          {creating ? 'Creating…' : 'Create key'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="api-key-error">
          {error}
        </p>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the key “${revoking.name}”?`}
          confirmLabel="Revoke"
          confirmTestId="api-key-revoke-confirm"
          onCancel={() => setRevoking(null)}
          onConfirm={() => void revoke(revoking)}
        >
          <p>Programs and devices using this key will be refused from now on. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
