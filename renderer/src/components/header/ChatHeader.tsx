import { useTranslation } from 'react-i18next';
import { conversationTitle } from '../../format/conversationTitle.js';
import { formatShortcut } from '../../format/shortcutKeys.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { ExportConversationButton } from '../exchange/ExportConversationButton.js';
import { PRODUCT_NAME } from '../layout/productName.js';
import { ContextGauge } from './ContextGauge.js';
import { DocumentsButton } from './DocumentsButton.js';
import { LibraryButton } from './LibraryButton.js';
import { ModelPicker } from './ModelPicker.js';
import { ModelStatus } from './ModelStatus.js';

export function ChatHeader() {
  const { t } = useTranslation('header');
  const storedTitle = useAppStore((state) => state.openConversation?.title ?? null);
  const hasConversation = useAppStore((state) => state.openConversationId !== null);
  const sidebarOpen = useAppStore((state) => state.sidebarOpen);
  const setSidebarOpen = useAppStore((state) => state.setSidebarOpen);
  const openDialog = useAppStore((state) => state.openDialog);
  // Without a conversation the page's heading is the product's name, which is not translated.
  const title = storedTitle === null ? null : conversationTitle(storedTitle);

  return (
    <header className="chat-header">
      <button
        type="button"
        className="icon-button sidebar-toggle"
        aria-label={sidebarOpen ? t('hideConversations') : t('showConversations')}
        aria-expanded={sidebarOpen}
        onClick={() => setSidebarOpen(!sidebarOpen)}
      >
        <Icon name="menu" />
      </button>
      {/* The gauge sits under the title: a line of its own that does not push the buttons to a second row. */}
      <div className="chat-heading">
        <h1 className="chat-title" title={title ?? undefined}>
          {title ?? PRODUCT_NAME}
        </h1>
        <ContextGauge />
      </div>
      <div className="chat-header-model">
        <ModelPicker />
        <ModelStatus />
      </div>
      <div className="chat-header-actions">
        <DocumentsButton />
        <ExportConversationButton />
        <LibraryButton />
        <button
          type="button"
          className="icon-button"
          aria-label={t('conversationSettings')}
          title={t('conversationSettingsTitle')}
          disabled={!hasConversation}
          onClick={() => openDialog({ kind: 'conversationSettings' })}
          data-testid="conversation-settings-button"
        >
          <Icon name="sliders" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings')}
          title={t('settingsTitle', { keys: formatShortcut(['mod', 'comma']) })}
          aria-keyshortcuts="Control+Comma Meta+Comma"
          onClick={() => openDialog({ kind: 'settings' })}
          data-testid="settings-button"
        >
          <Icon name="gear" />
        </button>
      </div>
    </header>
  );
}
