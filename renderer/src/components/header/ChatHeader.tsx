import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { ExportConversationButton } from '../exchange/ExportConversationButton.js';
import { DocumentsButton } from './DocumentsButton.js';
import { LibraryButton } from './LibraryButton.js';
import { ModelPicker } from './ModelPicker.js';
import { ModelStatus } from './ModelStatus.js';

export function ChatHeader() {
  const title = useAppStore((state) => state.openConversation?.title ?? null);
  const hasConversation = useAppStore((state) => state.openConversationId !== null);
  const sidebarOpen = useAppStore((state) => state.sidebarOpen);
  const setSidebarOpen = useAppStore((state) => state.setSidebarOpen);
  const openDialog = useAppStore((state) => state.openDialog);

  return (
    <header className="chat-header">
      <button
        type="button"
        className="icon-button sidebar-toggle"
        aria-label={sidebarOpen ? 'Hide conversations' : 'Show conversations'}
        aria-expanded={sidebarOpen}
        onClick={() => setSidebarOpen(!sidebarOpen)}
      >
        <Icon name="menu" />
      </button>
      <h1 className="chat-title" title={title ?? undefined}>
        {title ?? 'Hearth'}
      </h1>
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
          aria-label="Conversation settings"
          title="Conversation settings: system prompt and sampling"
          disabled={!hasConversation}
          onClick={() => openDialog({ kind: 'conversationSettings' })}
          data-testid="conversation-settings-button"
        >
          <Icon name="sliders" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Settings"
          title="Settings (Ctrl+,)"
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
