import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../contract/index.js';
import { usePasteLimit } from '../../hooks/usePasteLimit.js';
import { formatNumber } from '../../i18n/formatters.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';

import { CONTENT_MAX } from './Composer.js';

/**
 * A question being edited in place. Sending asks it again as a new version; the original and
 * its answers stay, one click away in the version switcher.
 */
export function MessageEditor({ message, onClose }: { message: Message; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const commands = useCommands();
  const streaming = useAppStore(selectIsStreaming);
  const [text, setText] = useState(message.content);
  const [sending, setSending] = useState(false);
  const { onPaste, cutText } = usePasteLimit(CONTENT_MAX, setText);
  const canSend = !streaming && !sending && text.trim() !== '';

  // Focused with the caret at the end, where one usually goes on typing.
  const focusAtEnd = useCallback((input: HTMLTextAreaElement | null) => {
    if (!input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);

  const submit = async () => {
    if (!canSend) return;
    setSending(true);
    const sent = await commands.editMessage(message.id, text.trim());
    setSending(false);
    if (sent) onClose();
  };

  return (
    <form
      className="message-editor"
      data-testid="message-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
        {t('editLabel')}
      </label>
      <textarea
        id={`edit-${message.id}`}
        ref={focusAtEnd}
        className="input message-editor-input"
        data-testid="edit-input"
        maxLength={CONTENT_MAX}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPaste={onPaste}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'Enter' && (!event.shiftKey || event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape') {
            // Not also "stop the answer": Esc here only leaves the editor.
            event.preventDefault();
            onClose();
          }
        }}
      />
      <div className="message-editor-actions">
        <span className="message-editor-hint" data-testid="edit-hint">
          {cutText !== null && cutText === text
            ? t('pasteCut', { max: formatNumber(CONTENT_MAX) })
            : streaming
              ? t('editWait')
              : t('editHint')}
        </span>
        <button type="button" className="button button--small" onClick={onClose} data-testid="edit-cancel">
          {t('cancel', { ns: 'common' })}
        </button>
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={!canSend}
          data-testid="edit-send"
          title={t('sendWithKey')}
        >
          {sending ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
