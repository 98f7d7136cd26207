import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../contract/index.js';
import { formatStats } from '../../format/formatStats.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';
import { CopyButton } from '../common/CopyButton.js';
import { Icon } from '../common/Icon.js';
import { BranchSwitcher } from './BranchSwitcher.js';
import { ContextIndicator } from './ContextIndicator.js';

/**
 * Under a finished answer: copy (as the text reads, or as its Markdown source), regenerate, its
 * versions, its speed and how its context was prepared.
 */
export function MessageFooter({ message }: { message: Message }) {
  const { t } = useTranslation('chat');
  const commands = useCommands();
  const streaming = useAppStore(selectIsStreaming);
  const stats = message.stats ? formatStats(message.stats) : [];
  // The rendered answer's text, read at click time; its source when it is not on screen.
  const renderedText = () =>
    document.querySelector<HTMLElement>(
      `[data-testid="message"][data-id="${CSS.escape(message.id)}"] [data-testid="message-content"]`,
    )?.innerText ?? message.content;
  return (
    <div className="message-footer">
      {message.content !== '' && (
        <>
          <CopyButton text={renderedText} label={t('copyMessage')} testId="copy-message" />
          <CopyButton text={message.content} label={t('copyAsMarkdown')} testId="copy-markdown" icon="markdown" />
        </>
      )}
      {/* Hearth's own "not covered" answer has no model version to write again (see ChatService.regenerate). */}
      {message.stopReason !== 'not_in_documents' && (
        <button
          type="button"
          className="icon-button"
          aria-label={t('regenerate')}
          title={streaming ? t('waitForAnswer') : t('regenerateTitle')}
          disabled={streaming}
          onClick={() => void commands.regenerate(message.id)}
          data-testid="regenerate-button"
        >
          <Icon name="refresh" />
        </button>
      )}
      <BranchSwitcher message={message} />
      {stats.length > 0 && (
        <span className="message-stats" data-testid="message-stats">
          {stats.join(' · ')}
        </span>
      )}
      {message.context && <ContextIndicator context={message.context} />}
    </div>
  );
}
