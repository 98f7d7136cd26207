import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import type { ApiKeySummary } from '../../../../../contract/index.js';
import { formatUpdatedAt } from '../../../format/formatUpdatedAt.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { ConfirmDialog } from '../../common/ConfirmDialog.js';
import { onEnter } from '../onEnter.js';
import { NewKeyReveal } from './NewKeyReveal.js';

/** Keys for the API: made with a name, shown once, then listed by their first characters only. */
export function ApiKeysPanel({ keys }: { keys: readonly ApiKeySummary[] }) {
  const { t } = useTranslation('settings');
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
      <h4 id={`${id}-title`}>{t('apiKeys')}</h4>
      {newKey && <NewKeyReveal name={newKey.name} apiKey={newKey.key} onDone={() => setNewKey(null)} />}
      {keys.length === 0 ? (
        <p className="hint" data-testid="api-keys-empty">
          {t('noApiKeys')}
        </p>
      ) : (
        <ul className="server-list" aria-labelledby={`${id}-title`}>
          {keys.map((key) => (
            <li key={key.id} className="server-list-item" data-testid="api-key">
              <span className="server-list-main">
                <strong>{key.name}</strong> <code data-testid="api-key-prefix">{key.prefix}…</code>
              </span>
              <span className="server-list-meta">
                {key.lastUsedAt === null
                  ? t('keyNeverUsed', { created: formatUpdatedAt(key.createdAt) })
                  : t('keyUsed', { created: formatUpdatedAt(key.createdAt), used: formatUpdatedAt(key.lastUsedAt) })}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('revokeKeyLabel', { name: key.name })}
                onClick={() => setRevoking(key)}
                data-testid="api-key-revoke"
              >
                {t('revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="server-add-row">
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          {t('newKeyName')}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          placeholder={t('newKeyPlaceholder')}
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
          {creating ? t('creatingKey') : t('createKey')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="api-key-error">
          {error}
        </p>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('revokeKeyTitle', { name: revoking.name })}
          confirmLabel={t('revoke')}
          confirmTestId="api-key-revoke-confirm"
          onCancel={() => setRevoking(null)}
          onConfirm={() => void revoke(revoking)}
        >
          <p>{t('revokeKeyBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
