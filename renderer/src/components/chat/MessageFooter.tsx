import type { Message } from '../../../../contract/index.js';
import { formatStats } from '../../format/formatStats.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';
import { CopyButton } from '../common/CopyButton.js';
import { Icon } from '../common/Icon.js';
import { BranchSwitcher } from './BranchSwitcher.js';
import { ContextIndicator } from './ContextIndicator.js';

/** Under a finished answer: copy, regenerate, its versions, its speed and how its context was prepared. */
export function MessageFooter({ message }: { message: Message }) {
  const commands = useCommands();
  const streaming = useAppStore(selectIsStreaming);
  const stats = message.stats ? formatStats(message.stats) : [];
  return (
    <div className="message-footer">
      {message.content !== '' && <CopyButton text={message.content} label="Copy message" testId="copy-message" />}
      {/* Hearth's own "not covered" answer has no model version to write again (see ChatService.regenerate). */}
      {message.stopReason !== 'not_in_documents' && (
        <button
          type="button"
          className="icon-button"
          aria-label="Regenerate the answer"
          title={streaming ? 'Wait for the answer to finish, or stop it' : 'Write a new version of this answer'}
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
