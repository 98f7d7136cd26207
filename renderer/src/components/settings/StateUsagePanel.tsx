import { useEffect, useState } from 'react';
import { formatBytes } from '../../format/formatBytes.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';

const size = (bytes: number) => formatBytes(bytes, { binary: true });

/** The space saved states take now, by conversation, with purging. Acts at once, not on Save. */
export function StateUsagePanel() {
  const commands = useCommands();
  const usage = useAppStore((state) => state.stateUsage);
  const [confirming, setConfirming] = useState(false);
  const [purging, setPurging] = useState<string | null>(null);

  useEffect(() => {
    void commands.refreshStateUsage();
  }, [commands]);

  if (!usage) {
    return (
      <div className="state-usage" aria-busy="true">
        <p className="hint">Reading the space used…</p>
      </div>
    );
  }

  const share = usage.budgetBytes > 0 ? usage.totalBytes / usage.budgetBytes : usage.totalBytes > 0 ? 1 : 0;
  const percent = Math.min(100, Math.round(share * 100));
  const purge = async (key: string, conversationId?: string) => {
    setPurging(key);
    await commands.purgeStates(conversationId);
    setPurging(null);
  };

  return (
    <div className="state-usage" data-testid="states-usage">
      <div className="state-usage-total">
        <span className="state-usage-label">Space used</span>
        <span data-testid="states-usage-total">
          {size(usage.totalBytes)} of {size(usage.budgetBytes)}
        </span>
      </div>
      <div
        className="usage-bar"
        role="meter"
        aria-label="Space used by saved states"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% of the space for saved states`}
        data-full={share >= 1 || undefined}
      >
        {/* Any use at all shows as a sliver, so "almost nothing" reads differently from "nothing". */}
        <div className="usage-bar-fill" style={{ width: `${usage.totalBytes > 0 ? Math.max(1, percent) : 0}%` }} />
      </div>
      <dl className="facts">
        <dt>System-prompt cache</dt>
        <dd>{size(usage.promptCacheBytes)}</dd>
        <dt>Database file</dt>
        <dd>{size(usage.databaseBytes)}</dd>
      </dl>

      {usage.conversations.length === 0 ? (
        <p className="hint">No conversation has saved states.</p>
      ) : (
        <ul className="state-usage-list" aria-label="Saved states by conversation">
          {usage.conversations.map((item) => (
            <li key={item.conversationId} className="state-usage-item">
              <span className="state-usage-title" title={item.title}>
                {item.title}
              </span>
              <span className="state-usage-size">
                {size(item.bytes)} · {item.count} {item.count === 1 ? 'state' : 'states'}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={purging !== null}
                aria-label={`Purge the saved states of “${item.title}”`}
                onClick={() => void purge(item.conversationId, item.conversationId)}
                data-testid="states-purge-conversation"
              >
                {purging === item.conversationId ? 'Purging…' : 'Purge'}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div>
        <button
          type="button"
          className="button"
          disabled={purging !== null || usage.totalBytes === 0}
          onClick={() => setConfirming(true)}
          data-testid="states-purge-all"
        >
          {purging === 'all' ? 'Purging…' : 'Purge all saved states'}
        </button>
      </div>

      {confirming && (
        <ConfirmDialog
          title="Purge all saved states?"
          confirmLabel="Purge all"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void purge('all');
          }}
        >
          <p>
            Every saved conversation state and the system-prompt cache will be deleted. Your conversations stay; the
            next answer in each reads its history again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
