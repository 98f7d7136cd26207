import { useTranslation } from 'react-i18next';
import { formatShortcut } from '../../format/shortcutKeys.js';
import { useConversationSearch } from '../../hooks/useConversationSearch.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { ExchangeFooter } from '../exchange/ExchangeFooter.js';
import { SearchField } from '../search/SearchField.js';
import { SearchResults } from '../search/SearchResults.js';
import { ConversationList } from './ConversationList.js';
import { PRODUCT_NAME } from './productName.js';

export function Sidebar() {
  const { t } = useTranslation('layout');
  const commands = useCommands();
  const open = useAppStore((state) => state.sidebarOpen);
  const openDialog = useAppStore((state) => state.openDialog);
  const search = useConversationSearch();
  const hits = search.answer && 'hits' in search.answer ? search.answer.hits : [];
  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    search.setActiveIndex(index);
    void commands.openSearchHit(hit);
  };

  return (
    <nav className="sidebar" aria-label={t('sidebarLabel')} data-open={open}>
      <div className="sidebar-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {PRODUCT_NAME}
        </span>
        <button
          type="button"
          className="button button--primary new-chat"
          onClick={() => void commands.newConversation()}
          data-testid="new-conversation"
          title={t('newChatTitle', { keys: formatShortcut(['mod', 'N']) })}
          aria-keyshortcuts="Control+N Meta+N"
        >
          <Icon name="plus" />
          <span>{t('newChat')}</span>
        </button>
        <SearchField search={search} count={hits.length} onChoose={choose} />
      </div>
      {search.active ? <SearchResults search={search} hits={hits} onChoose={choose} /> : <ConversationList />}
      <ExchangeFooter />
      <div className="sidebar-footer">
        <button
          type="button"
          className="button button--small"
          onClick={() => openDialog({ kind: 'shortcuts' })}
          title={t('shortcutsButtonTitle', { keys: formatShortcut(['mod', 'slash']) })}
          aria-keyshortcuts="Control+Slash Meta+Slash"
          data-testid="open-shortcuts"
        >
          <Icon name="keyboard" />
          <span>{t('shortcutsButton')}</span>
        </button>
      </div>
    </nav>
  );
}
