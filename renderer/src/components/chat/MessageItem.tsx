import { memo } from 'react';
import { describeStopReason } from '../../format/describeStopReason.js';
import { MarkdownText } from '../../markdown/MarkdownText.js';
import { useAppStore } from '../../store/appStore.js';
import { CopyButton } from '../common/CopyButton.js';
import { MessageFooter } from './MessageFooter.js';
import { StreamingContent } from './StreamingContent.js';

export const MessageItem = memo(function MessageItem({ id, isLast }: { id: string; isLast: boolean }) {
  const message = useAppStore((state) => state.messagesById[id]);
  if (!message) return null;
  const isUser = message.role === 'user';
  const stopLabel = describeStopReason(message);
  // Stopping an answer is the user's own choice, not a problem to point at.
  const failed =
    message.status === 'error' || (message.status === 'interrupted' && message.stopReason !== 'user_stopped');

  return (
    <article
      className={`message message--${message.role}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-problem={failed || undefined}
      data-id={message.id}
      aria-label={isUser ? 'You said' : 'Hearth answered'}
    >
      <div className="message-author">
        {isUser && (
          <CopyButton
            text={message.content}
            label="Copy message"
            className="message-author-copy"
            testId="copy-message"
          />
        )}
        {isUser ? 'You' : 'Hearth'}
        {!isUser && message.modelId && <span className="message-model">{message.modelId}</span>}
      </div>
      <div className="message-bubble">
        {isUser ? (
          <div className="message-content message-content--plain" data-testid="message-content">
            {message.content}
          </div>
        ) : message.status === 'streaming' ? (
          <StreamingContent messageId={message.id} />
        ) : (
          <div className="message-content markdown" data-testid="message-content">
            <MarkdownText text={message.content} />
          </div>
        )}
        {stopLabel && (
          <div
            className={`message-notice ${failed ? 'message-notice--problem' : ''}`}
            data-testid="message-notice"
            role="note"
          >
            <NoticeText label={stopLabel} detail={message.detail} />
          </div>
        )}
      </div>
      {!isUser && message.status !== 'streaming' && <MessageFooter message={message} isLast={isLast} />}
    </article>
  );
});

/** The label, then the detail; just the detail when it already says what the label would ("Stopped by you."). */
function NoticeText({ label, detail }: { label: string; detail: string | null }) {
  if (detail && detail.toLowerCase().startsWith(label.toLowerCase())) return <strong>{detail}</strong>;
  return (
    <>
      <strong>{label}</strong>
      {detail && <span className="message-notice-detail">{detail}</span>}
    </>
  );
}
