import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { ConversationItem } from './ConversationItem.js';

export function ConversationList() {
  const summaries = useAppStore((state) => state.summaries);
  const loaded = useAppStore((state) => state.summariesLoaded);
  const openId = useAppStore((state) => state.openConversationId);
  const more = useAppStore((state) => state.summariesCursor !== null);
  const commands = useCommands();

  if (loaded && summaries.length === 0) {
    return <p className="sidebar-empty">No conversations yet. They will be listed here.</p>;
  }
  return (
    <ul className="conversation-list" aria-label="Conversations, most recent first">
      {summaries.map((summary) => (
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
            Show older conversations
          </button>
        </li>
      )}
    </ul>
  );
}
