import { useApplyTheme } from '../hooks/useApplyTheme.js';
import { useLanguageSetting } from '../i18n/useLanguageSetting.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { useGlobalShortcuts } from '../hooks/useGlobalShortcuts.js';
import { useAppStore } from '../store/appStore.js';
import { ChatView } from './chat/ChatView.js';
import { Banners } from './common/Banners.js';
import { ConnectionStatus } from './common/ConnectionStatus.js';
import { LiveAnnouncer } from './common/LiveAnnouncer.js';
import { ChatHeader } from './header/ChatHeader.js';
import { DialogHost } from './layout/DialogHost.js';
import { Sidebar } from './layout/Sidebar.js';

export function App() {
  const language = useLanguageSetting();
  return <Shell key={language} />;
}

/** The whole UI; keyed on the language, so a switch re-renders every text (also those formatted outside components). */
function Shell() {
  useApplyTheme();
  useDocumentTitle();
  useGlobalShortcuts();
  const sidebarOpen = useAppStore((state) => state.sidebarOpen);
  const setSidebarOpen = useAppStore((state) => state.setSidebarOpen);

  return (
    <div className="app" data-sidebar-open={sidebarOpen}>
      <Sidebar />
      {sidebarOpen && <div className="sidebar-scrim" aria-hidden="true" onClick={() => setSidebarOpen(false)} />}
      <main className="main">
        <ChatHeader />
        <ConnectionStatus />
        <Banners />
        <ChatView />
      </main>
      <DialogHost />
      <LiveAnnouncer />
    </div>
  );
}
