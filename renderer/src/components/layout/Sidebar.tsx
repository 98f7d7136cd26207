import { useConversationSearch } from '../../hooks/useConversationSearch.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { ExchangeFooter } from '../exchange/ExchangeFooter.js';
import { SearchField } from '../search/SearchField.js';
import { SearchResults } from '../search/SearchResults.js';
import { ConversationList } from './ConversationList.js';

export function Sidebar() {
  const commands = useCommands();
  const open = useAppStore((state) => state.sidebarOpen);
  const search = useConversationSearch();
  const hits = search.answer && 'hits' in search.answer ? search.answer.hits : [];
  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    search.setActiveIndex(index);
    void commands.openSearchHit(hit);
  };

  return (
    <nav className="sidebar" aria-label="Conversations" data-open={open}>
      <div className="sidebar-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Hearth
        </span>
        <button
          type="button"
          className="button button--primary new-chat"
          onClick={() => void commands.newConversation()}
          data-testid="new-conversation"
          title="New chat (Ctrl+N)"
          aria-keyshortcuts="Control+N Meta+N"
        >
          <Icon name="plus" />
          <span>New chat</span>
        </button>
        <SearchField search={search} count={hits.length} onChoose={choose} />
      </div>
      {search.active ? <SearchResults search={search} hits={hits} onChoose={choose} /> : <ConversationList />}
      <ExchangeFooter />
    </nav>
  );
}
