import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePasteLimit } from '../../hooks/usePasteLimit.js';
import { formatNumber } from '../../i18n/formatters.js';
import { localizedMessage } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';
import { NEW_CONVERSATION_DRAFT } from '../../store/uiSlice.js';
import { Icon } from '../common/Icon.js';
import { AttachDocumentsButton } from './AttachDocumentsButton.js';

/** The contract's limit on a message's length. */
export const CONTENT_MAX = 200_000;
/** From here on the composer shows how much room is left. */
const COUNTER_FROM = CONTENT_MAX * 0.9;

/**
 * Enter sends, Shift+Enter makes a new line. Sending waits while an answer streams (and says so);
 * typing does not. The draft belongs to the open conversation: another conversation has its own.
 */
export function Composer() {
  const { t } = useTranslation('chat');
  const commands = useCommands();
  const streaming = useAppStore(selectIsStreaming);
  const ready = useAppStore((state) => state.ready);
  const focusRequest = useAppStore((state) => state.composerFocusRequest);
  const noModel = useAppStore((state) => state.openConversation !== null && state.openConversation.modelId === null);
  const draftKey = useAppStore((state) => state.openConversationId ?? NEW_CONVERSATION_DRAFT);
  const text = useAppStore((state) => state.drafts[draftKey] ?? '');
  const setDraft = useAppStore((state) => state.setDraft);
  const refusal = useAppStore((state) =>
    state.composerRefusal !== null && (state.composerRefusal.conversationId ?? NEW_CONVERSATION_DRAFT) === draftKey
      ? state.composerRefusal
      : null,
  );
  const setRefusal = useAppStore((state) => state.setComposerRefusal);
  const [sending, setSending] = useState(false);
  const setText = useCallback((next: string) => setDraft(draftKey, next), [setDraft, draftKey]);
  const { onPaste, cutText } = usePasteLimit(CONTENT_MAX, setText);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  const canSend = ready && !streaming && !sending && text.trim() !== '';

  const submit = async () => {
    if (streaming && text.trim() !== '') {
      // With its key, so that it follows a change of language while shown.
      setRefusal({
        conversationId: useAppStore.getState().openConversationId,
        message: t('waitForAnswer'),
        text: { key: 'chat:waitForAnswer' },
      });
      return;
    }
    if (!canSend) return;
    const content = text;
    const key = draftKey;
    setSending(true);
    setDraft(key, '');
    const sent = await commands.send(content.trim());
    setSending(false);
    // Nothing typed is lost: a failed send puts the text back, unless the user started a new one;
    // the first message of a chat goes back to the conversation its send created.
    const back = key === NEW_CONVERSATION_DRAFT ? (useAppStore.getState().openConversationId ?? key) : key;
    if (!sent && (useAppStore.getState().drafts[back] ?? '') === '') setDraft(back, content);
    input.current?.focus();
  };

  // Said until the text changes again: the notice is about that paste.
  const cutShown = cutText !== null && cutText === text;
  const max = formatNumber(CONTENT_MAX);
  const hintId = 'composer-hint';
  const noticeId = 'composer-notice';
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="composer-tools">
        <AttachDocumentsButton />
      </div>
      <label className="visually-hidden" htmlFor="composer-input">
        {t('composerLabel')}
      </label>
      <textarea
        id="composer-input"
        ref={input}
        className="composer-input"
        data-testid="composer-input"
        rows={1}
        maxLength={CONTENT_MAX}
        placeholder={noModel ? t('composerPlaceholderNoModel') : t('composerPlaceholder')}
        value={text}
        aria-describedby={refusal || cutShown ? `${noticeId} ${hintId}` : hintId}
        onChange={(event) => setText(event.target.value)}
        onPaste={onPaste}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <div className="composer-actions">
        {streaming && (
          <button
            type="button"
            className="button composer-stop"
            onClick={() => void commands.stop()}
            data-testid="stop-button"
            aria-keyshortcuts="Escape"
            title={t('stopWithKey')}
          >
            <Icon name="stop" />
            <span>{t('stop')}</span>
          </button>
        )}
        <button
          type="submit"
          className="button button--primary composer-send"
          disabled={!canSend}
          data-testid="send-button"
          aria-label={t('send')}
          title={streaming ? t('waitForAnswer') : t('sendWithKey')}
        >
          <Icon name="send" />
        </button>
      </div>
      {(refusal || cutShown) && (
        <p id={noticeId} className="composer-notice" role="status" data-testid="composer-notice">
          {refusal ? localizedMessage(refusal) : t('pasteCut', { max })}
        </p>
      )}
      <p id={hintId} className="composer-hint">
        {streaming ? t('hintAnswering') : t('hintKeys')}
        {text.length >= COUNTER_FROM && (
          <span
            className="composer-counter"
            data-testid="composer-counter"
            aria-label={t('lengthCounterLabel', { length: formatNumber(text.length), max })}
          >
            {t('lengthCounter', { length: formatNumber(text.length), max })}
          </span>
        )}
      </p>
    </form>
  );
}
