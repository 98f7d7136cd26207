import { useRef } from 'react';
import { useStickToBottom } from '../../hooks/useStickToBottom.js';
import { useAppStore } from '../../store/appStore.js';
import { MessageItem } from './MessageItem.js';

/** Subscribes to message ids only: tokens re-render the streaming message, never the list. */
export function MessageList() {
  const ids = useAppStore((state) => state.messageIds);
  const conversationId = useAppStore((state) => state.messagesConversationId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  useStickToBottom(scrollRef, contentRef, `${conversationId ?? ''}:${ids.length}`);

  return (
    <div className="message-scroll" ref={scrollRef}>
      <section className="message-list" ref={contentRef} aria-label="Messages">
        {ids.map((id, index) => (
          <MessageItem key={id} id={id} isLast={index === ids.length - 1} />
        ))}
      </section>
    </div>
  );
}
