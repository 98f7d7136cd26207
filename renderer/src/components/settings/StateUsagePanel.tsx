import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/formatters.js';
import { formatBytes } from '../../format/formatBytes.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';

const size = (bytes: number) => formatBytes(bytes, { binary: true });

/** The space saved states take now, by conversation, with purging. Acts at once, not on Save. */
export function StateUsagePanel() {
  const { t } = useTranslation('settings');
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
        <p className="hint">{t('readingSpaceUsed')}</p>
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
        <span className="state-usage-label">{t('spaceUsed')}</span>
        <span data-testid="states-usage-total">
          {t('spaceUsedOf', { used: size(usage.totalBytes), budget: size(usage.budgetBytes) })}
        </span>
      </div>
      <div
        className="usage-bar"
        role="meter"
        aria-label={t('spaceUsedMeter')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('spaceUsedPercent', { percent: formatPercent(percent / 100) })}
        data-full={share >= 1 || undefined}
      >
        {/* Any use at all shows as a sliver, so "almost nothing" reads differently from "nothing". */}
        <div className="usage-bar-fill" style={{ width: `${usage.totalBytes > 0 ? Math.max(1, percent) : 0}%` }} />
      </div>
      <dl className="facts">
        <dt>{t('promptCache')}</dt>
        <dd>{size(usage.promptCacheBytes)}</dd>
        <dt>{t('databaseFile')}</dt>
        <dd>{size(usage.databaseBytes)}</dd>
      </dl>

      {usage.conversations.length === 0 ? (
        <p className="hint">{t('noSavedStates')}</p>
      ) : (
        <ul className="state-usage-list" aria-label={t('statesByConversation')}>
          {usage.conversations.map((item) => (
            <li key={item.conversationId} className="state-usage-item">
              <span className="state-usage-title" title={item.title}>
                {item.title}
              </span>
              <span className="state-usage-size">
                {t('conversationStates', { size: size(item.bytes), count: item.count })}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={purging !== null}
                aria-label={t('purgeConversation', { title: item.title })}
                onClick={() => void purge(item.conversationId, item.conversationId)}
                data-testid="states-purge-conversation"
              >
                {purging === item.conversationId ? t('purging') : t('purge')}
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
          {purging === 'all' ? t('purging') : t('purgeAll')}
        </button>
      </div>

      {confirming && (
        <ConfirmDialog
          title={t('purgeAllTitle')}
          confirmLabel={t('purgeAllConfirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void purge('all');
          }}
        >
          <p>{t('purgeAllBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
