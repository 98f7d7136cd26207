import { useTranslation } from 'react-i18next';
import { MarkdownText } from '../../markdown/MarkdownText.js';
import { useAppStore } from '../../store/appStore.js';

/** The only component that subscribes to streamed text, and only to its own message's. */
export function StreamingContent({ messageId }: { messageId: string }) {
  const { t } = useTranslation('chat');
  const text = useAppStore((state) => state.streamingText[messageId] ?? '');
  const loadingModel = useAppStore((state) => state.loadProgress !== null || state.engine?.state === 'loading');

  return (
    <>
      <div className="message-content markdown is-streaming" data-testid="message-content">
        {text !== '' && <MarkdownText text={text} />}
      </div>
      <div className="typing" aria-hidden="true">
        {text === '' && loadingModel && <span className="typing-label">{t('loadingModel')}</span>}
        <span className="typing-dot" />
        <span className="typing-dot" />
        <span className="typing-dot" />
      </div>
    </>
  );
}
