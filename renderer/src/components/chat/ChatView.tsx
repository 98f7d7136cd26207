import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';
import { Composer } from './Composer.js';
import { MessageList } from './MessageList.js';
import { RemoteModelNotice } from './RemoteModelNotice.js';
import { StartState } from './StartState.js';

export function ChatView() {
  const { t } = useTranslation('chat');
  const ready = useAppStore((state) => state.ready);
  const hasMessages = useAppStore((state) => state.messageIds.length > 0);

  return (
    <div className="chat-view">
      {!ready ? (
        <div className="chat-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('startingHearth')}
        </div>
      ) : hasMessages ? (
        <MessageList />
      ) : (
        <StartState />
      )}
      <RemoteModelNotice />
      <Composer />
    </div>
  );
}
