import { useEffect, useRef, useState } from 'react';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';
import { Icon } from '../common/Icon.js';
import { AttachDocumentsButton } from './AttachDocumentsButton.js';

const CONTENT_MAX = 200_000;

/** Enter sends, Shift+Enter makes a new line. Sending waits while an answer streams; typing does not. */
export function Composer() {
  const commands = useCommands();
  const streaming = useAppStore(selectIsStreaming);
  const ready = useAppStore((state) => state.ready);
  const focusRequest = useAppStore((state) => state.composerFocusRequest);
  const noModel = useAppStore((state) => state.openConversation !== null && state.openConversation.modelId === null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  const canSend = ready && !streaming && !sending && text.trim() !== '';

  const submit = async () => {
    if (!canSend) return;
    const content = text;
    setSending(true);
    setText('');
    const sent = await commands.send(content.trim());
    setSending(false);
    // Nothing typed is lost: a failed send puts the text back, unless the user started a new one.
    if (!sent) setText((current) => (current === '' ? content : current));
    input.current?.focus();
  };

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
        Message
      </label>
      <textarea
        id="composer-input"
        ref={input}
        className="composer-input"
        data-testid="composer-input"
        rows={1}
        maxLength={CONTENT_MAX}
        placeholder={noModel ? 'Choose a model above, then type your message…' : 'Message Hearth…'}
        value={text}
        aria-describedby="composer-hint"
        onChange={(event) => setText(event.target.value)}
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
            title="Stop (Esc)"
          >
            <Icon name="stop" />
            <span>Stop</span>
          </button>
        )}
        <button
          type="submit"
          className="button button--primary composer-send"
          disabled={!canSend}
          data-testid="send-button"
          aria-label="Send"
          title={streaming ? 'Wait for the answer to finish, or stop it' : 'Send (Enter)'}
        >
          <Icon name="send" />
        </button>
      </div>
      <p id="composer-hint" className="composer-hint">
        {streaming ? 'Answering… Esc stops.' : 'Enter to send · Shift+Enter for a new line'}
      </p>
    </form>
  );
}
