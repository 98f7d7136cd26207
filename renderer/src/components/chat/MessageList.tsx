import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStickToBottom } from '../../hooks/useStickToBottom.js';
import { useAppStore } from '../../store/appStore.js';
import { selectStreamingId } from '../../store/selectors.js';
import { MessageItem } from './MessageItem.js';

/** Subscribes to message ids only: tokens re-render the streaming message, never the list. */
export function MessageList() {
  const { t } = useTranslation('chat');
  const ids = useAppStore((state) => state.messageIds);
  const conversationId = useAppStore((state) => state.messagesConversationId);
  const streamingId = useAppStore(selectStreamingId);
  // The newest answer that started here, kept after it ends: the view jumps to the bottom when an
  // answer starts (sent, regenerated, edited) or another conversation opens, but not when the
  // user switches to another version of a message further up, nor when an answer ends.
  const [startedId, setStartedId] = useState(streamingId);
  if (streamingId !== null && streamingId !== startedId) setStartedId(streamingId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const unpin = useStickToBottom(scrollRef, contentRef, `${conversationId ?? ''}:${startedId ?? ''}`);

  // A message a search result pointed at: scrolled to once it is shown. This runs after the
  // bottom-pinning above (same commit, declared later), so it wins when a conversation opens.
  const revealed = useAppStore((state) => state.revealedMessage);
  const scrolledTo = useRef<object | null>(null);
  useEffect(() => {
    if (!revealed || revealed === scrolledTo.current || !ids.includes(revealed.id)) return;
    const element = contentRef.current?.querySelector(`[data-testid="message"][data-id="${CSS.escape(revealed.id)}"]`);
    if (!element) return;
    scrolledTo.current = revealed;
    unpin();
    // Instant, not smooth: no motion to respect or to be cut short by a streaming answer's growth.
    element.scrollIntoView({ block: 'center' });
  }, [revealed, ids, unpin]);

  return (
    <div className="message-scroll" ref={scrollRef}>
      <section className="message-list" ref={contentRef} aria-label={t('messagesLabel')}>
        {ids.map((id) => (
          <MessageItem key={id} id={id} />
        ))}
      </section>
    </div>
  );
}
