import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDetail, describeStopReason } from '../../format/describeStopReason.js';
import { CitationsContext, type CitationTargets } from '../../markdown/CitationsContext.js';
import { MarkdownText } from '../../markdown/MarkdownText.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';
import { CopyButton } from '../common/CopyButton.js';
import { Icon } from '../common/Icon.js';
import { BranchSwitcher } from './BranchSwitcher.js';
import { MessageEditor } from './MessageEditor.js';
import { MessageFooter } from './MessageFooter.js';
import { MessageSources } from './MessageSources.js';
import { WeakEvidenceNotice } from './WeakEvidenceNotice.js';
import { StreamingContent } from './StreamingContent.js';
import { MessageModel } from './MessageModel.js';

export const MessageItem = memo(function MessageItem({ id }: { id: string }) {
  const { t } = useTranslation('chat');
  const message = useAppStore((state) => state.messagesById[id]);
  const streaming = useAppStore(selectIsStreaming);
  const openDialog = useAppStore((state) => state.openDialog);
  const revealed = useAppStore((state) => state.revealedMessage?.id === id);
  const endReveal = useAppStore((state) => state.endReveal);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const sources = message?.sources;
  const citations = useMemo<CitationTargets | null>(
    () =>
      sources && sources.length > 0 ? { sources, open: (citation) => openDialog({ kind: 'passage', citation }) } : null,
    [sources, openDialog],
  );
  if (!message) return null;
  const isUser = message.role === 'user';
  const stopLabel = describeStopReason(message);
  // Stopping an answer is the user's own choice, not a problem to point at.
  const failed =
    message.status === 'error' || (message.status === 'interrupted' && message.stopReason !== 'user_stopped');

  const closeEditor = () => {
    setEditing(false);
    // Back to where the user was; after a sent edit this message is gone and focus goes nowhere.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <article
      className={`message message--${message.role}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-problem={failed || undefined}
      data-editing={editing || undefined}
      data-id={message.id}
      data-revealed={revealed || undefined}
      onAnimationEnd={(event) => {
        // Only the search highlight's own end: other animations in the message bubble up here too.
        if (event.animationName === 'message-reveal') endReveal(id);
      }}
      aria-label={isUser ? t('youSaid') : t('hearthAnswered')}
    >
      <div className="message-author">
        {isUser && !editing && (
          <>
            <CopyButton
              text={message.content}
              label={t('copyMessage')}
              className="message-author-action"
              testId="copy-message"
            />
            <button
              ref={editButton}
              type="button"
              className="icon-button message-author-action"
              aria-label={t('editMessage')}
              title={streaming ? t('waitForAnswer') : t('editAndSendAgain')}
              disabled={streaming}
              onClick={() => setEditing(true)}
              data-testid="edit-message"
            >
              <Icon name="pencil" />
            </button>
          </>
        )}
        {isUser ? t('you') : t('hearth')}
        {/* Hearth's own "not covered" answer is not the model's: it does not carry the model's name. */}
        {!isUser && message.modelId && message.stopReason !== 'not_in_documents' && (
          <MessageModel modelId={message.modelId} />
        )}
      </div>
      {editing ? (
        <MessageEditor message={message} onClose={closeEditor} />
      ) : (
        <div className="message-bubble">
          {message.status !== 'streaming' && <WeakEvidenceNotice message={message} />}
          <CitationsContext.Provider value={citations}>
            {isUser ? (
              /* dir="auto": a right-to-left message reads from the right, whatever the UI's direction. */
              <div className="message-content message-content--plain" data-testid="message-content" dir="auto">
                {message.content}
              </div>
            ) : message.status === 'streaming' ? (
              <StreamingContent messageId={message.id} />
            ) : (
              <div className="message-content markdown" data-testid="message-content">
                <MarkdownText text={message.content} />
              </div>
            )}
          </CitationsContext.Provider>
          {citations && <MessageSources sources={citations.sources} onOpen={citations.open} />}
          {stopLabel && (
            <div
              className={`message-notice ${failed ? 'message-notice--problem' : ''}`}
              data-testid="message-notice"
              role="note"
            >
              <NoticeText label={stopLabel} detail={describeDetail(message)} />
            </div>
          )}
        </div>
      )}
      {isUser || message.status === 'streaming' ? (
        // A question's versions, or a new answer's while it is written (its arrows wait until it ends).
        <BranchSwitcher message={message} />
      ) : (
        <MessageFooter message={message} />
      )}
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
