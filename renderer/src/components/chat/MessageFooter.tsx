import type { Message } from '../../../../contract/index.js';
import { formatStats } from '../../format/formatStats.js';
import { useCommands } from '../../session/CommandsContext.js';
import { CopyButton } from '../common/CopyButton.js';
import { Icon } from '../common/Icon.js';

/** Copy, the answer's speed figures, and regenerate on the last answer. */
export function MessageFooter({ message, isLast }: { message: Message; isLast: boolean }) {
  const commands = useCommands();
  const stats = message.stats ? formatStats(message.stats) : [];
  return (
    <div className="message-footer">
      {message.content !== '' && <CopyButton text={message.content} label="Copy message" testId="copy-message" />}
      {isLast && message.role === 'assistant' && (
        <button
          type="button"
          className="icon-button"
          aria-label="Regenerate the answer"
          title="Regenerate"
          onClick={() => void commands.regenerate()}
          data-testid="regenerate-button"
        >
          <Icon name="refresh" />
        </button>
      )}
      {stats.length > 0 && (
        <span className="message-stats" data-testid="message-stats">
          {stats.join(' · ')}
        </span>
      )}
    </div>
  );
}
