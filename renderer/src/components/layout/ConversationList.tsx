import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ConversationSummary } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { ConversationItem } from './ConversationItem.js';

/** Pinned conversations first (most recently pinned on top), then the others by recency. */
export function ConversationList() {
  const { t } = useTranslation('layout');
  const pinned = useAppStore(useShallow((state) => pinnedFirst(state.summaries.filter(isPinned))));
  const others = useAppStore(useShallow((state) => state.summaries.filter((summary) => !isPinned(summary))));
  const loaded = useAppStore((state) => state.summariesLoaded);
  const openId = useAppStore((state) => state.openConversationId);
  const more = useAppStore((state) => state.summariesCursor !== null);
  const commands = useCommands();
  const pinnedHeadingId = useId();
  const recentHeadingId = useId();

  if (loaded && pinned.length === 0 && others.length === 0) {
    return <p className="sidebar-empty">{t('emptyList')}</p>;
  }
  return (
    <div className="conversation-groups">
      {pinned.length > 0 && (
        <section className="conversation-group" aria-labelledby={pinnedHeadingId} data-testid="pinned-conversations">
          <h2 className="conversation-group-title" id={pinnedHeadingId}>
            {t('pinnedGroup')}
          </h2>
          <ul className="conversation-list">
            {pinned.map((summary) => (
              <ConversationItem key={summary.id} summary={summary} active={summary.id === openId} />
            ))}
          </ul>
        </section>
      )}
      {(others.length > 0 || more) && (
        <section
          className="conversation-group"
          aria-labelledby={pinned.length > 0 ? recentHeadingId : undefined}
          aria-label={pinned.length > 0 ? undefined : t('listLabel')}
        >
          {/* Under the pinned group the rest needs its own title, or it reads as more pinned ones. */}
          {pinned.length > 0 && (
            <h2 className="conversation-group-title" id={recentHeadingId}>
              {t('recentGroup')}
            </h2>
          )}
          <ul className="conversation-list" data-testid="recent-conversations">
            {others.map((summary) => (
              <ConversationItem key={summary.id} summary={summary} active={summary.id === openId} />
            ))}
            {more && (
              <li>
                <button
                  type="button"
                  className="button conversation-more"
                  onClick={() => void commands.loadMoreConversations()}
                  data-testid="more-conversations"
                >
                  {t('showOlder')}
                </button>
              </li>
            )}
          </ul>
        </section>
      )}
    </div>
  );
}

function isPinned(summary: ConversationSummary): boolean {
  return summary.pinnedAt !== null;
}

function pinnedFirst(summaries: ConversationSummary[]): ConversationSummary[] {
  return summaries.sort((a, b) => (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0));
}
